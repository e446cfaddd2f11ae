import { HostCase, HostReport } from './results';

// Characters XML 1.0 does not allow, not even escaped.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text for an XML attribute or element, escaped. */
export function xmlEscape(text: string): string {
  return text
    .replace(INVALID_XML, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
}

function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${xmlEscape(String(value))}"`)
    .join('');
}

function counts(cases: HostCase[]) {
  return {
    tests: cases.length,
    failures: cases.filter(c => c.outcome === 'failed').length,
    errors: 0,
    skipped: cases.filter(c => c.outcome === 'skipped').length,
  };
}

function testCase(c: HostCase): string {
  const head = `    <testcase${attrs({
    classname: c.subject,
    name: c.name,
    file: c.location?.path,
    line: c.location?.line,
  })}`;
  const body: string[] = [];
  if (c.waived) {
    body.push(
      `      <properties><property${attrs({
        name: 'waived',
        value: `until ${c.waived.until}: ${c.waived.reason} (status: ${c.waived.status})`,
      })}/></properties>`,
    );
  }
  if (c.outcome === 'failed') {
    body.push(
      `      <failure${attrs({
        message: c.message ?? '',
        type: c.name,
      })}>${xmlEscape(c.details ?? c.message ?? '')}</failure>`,
    );
  } else if (c.outcome === 'skipped') {
    body.push(
      `      <skipped${attrs({ message: c.message || 'not applicable' })}/>`,
    );
  }
  if (c.outcome === 'passed' && c.details) {
    body.push(`      <system-out>${xmlEscape(c.details)}</system-out>`);
  }
  return body.length
    ? `${head}>\n${body.join('\n')}\n    </testcase>`
    : `${head}/>`;
}

/**
 * The report as JUnit XML, for the test report views of CI systems: a
 * suite per file (`lint`) or per scorecard (`score`), a test case per
 * entity and check. Failing checks (and lint errors) fail with the message;
 * not-applicable checks are skipped; waived checks pass and say so in a
 * `waived` property.
 */
export function formatJunit(report: HostReport): string {
  const suites = new Map<string, HostCase[]>();
  for (const c of report.cases) {
    const list = suites.get(c.suite) ?? [];
    list.push(c);
    suites.set(c.suite, list);
  }
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({
      name: `team-insights ${report.command}`,
      ...counts(report.cases),
    })}>`,
  ];
  for (const [name, cases] of suites) {
    lines.push(`  <testsuite${attrs({ name, ...counts(cases) })}>`);
    lines.push(...cases.map(testCase));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
