import { fingerprints } from './fingerprints';
import { HostReport } from './results';

const GITLAB_SEVERITY = { error: 'major', warning: 'minor', note: 'info' };

/**
 * The report as a GitLab Code Quality report (the `codequality` artifact):
 * one issue per problem located in a file, errors as `major`, warnings as
 * `minor`, with fingerprints that stay the same across runs while the
 * problem stays, so merge requests show what is new and what was fixed.
 */
export function formatGitlab(report: HostReport): string {
  const prints = fingerprints(report.results);
  const issues = report.results.flatMap((result, i) =>
    result.location
      ? [
          {
            description: result.remediation
              ? `${result.message} Remediation: ${result.remediation}`
              : result.message,
            check_name: result.ruleId,
            fingerprint: prints[i],
            severity: GITLAB_SEVERITY[result.level],
            location: {
              path: result.location.path.replace(/\\/g, '/'),
              lines: { begin: result.location.line },
            },
          },
        ]
      : [],
  );
  return `${JSON.stringify(issues, null, 2)}\n`;
}
