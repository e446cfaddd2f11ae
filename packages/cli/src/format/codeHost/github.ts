import { HostReport } from './results';

/** Escapes the message of a workflow command, as the Actions toolkit does. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value of a workflow command (also `:` and `,`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * The report as GitHub Actions workflow commands: `::error` for errors and
 * failing checks, `::warning` for warnings, `::notice` for notes, each at its file, line and
 * column, so that GitHub annotates the lines of the pull request.
 */
export function formatGithub(report: HostReport): string {
  const rules = new Map(report.rules.map(rule => [rule.id, rule]));
  return report.results
    .map(result => {
      const props: string[] = [];
      if (result.location) {
        props.push(
          `file=${escapeProperty(result.location.path.replace(/\\/g, '/'))}`,
          `line=${result.location.line}`,
          `col=${result.location.column}`,
        );
      }
      const rule = rules.get(result.ruleId);
      props.push(
        `title=${escapeProperty(
          `${rule?.title ?? result.ruleId} (${result.ruleId})${
            result.entityRef ? ` ${result.entityRef}` : ''
          }`,
        )}`,
      );
      const message = result.remediation
        ? `${result.message}\n\nRemediation: ${result.remediation}`
        : result.message;
      const command = result.level === 'note' ? 'notice' : result.level;
      return `::${command} ${props.join(',')}::${escapeData(message)}\n`;
    })
    .join('');
}
