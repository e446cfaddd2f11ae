import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Report } from '@team-insights/plugin-team-insights-common';
import { run, useTempDir, yamlEntity } from '../__testUtils__';

const tmp = useTempDir();
const NOW = ['--now', '2026-01-15'];

// The repository's example custom check: the same module the demo backend
// adds to the portal.
const EXAMPLE_CHECKS = require.resolve(
  '@team-insights/plugin-team-insights-backend-module-example-checks',
);

const team = (name: string, skills: string, waivers?: string) =>
  yamlEntity('Group', name, {
    annotations: {
      'team-insights.io/team-type': 'feature',
      'team-insights.io/skills': skills,
      ...(waivers ? { 'team-insights.io/waivers': waivers } : {}),
    },
    spec: { type: 'team', children: [] },
  });

const CATALOG = `${team('pair', 'data-engineer=2')}---\n${team(
  'squad',
  'data-engineer=2, data-scientist=2',
  'composition.on-call until 2026-02-01: rotation starts in February',
)}---
${yamlEntity('Component', 'svc', {
  spec: { type: 'service', owner: 'pair', lifecycle: 'production' },
})}`;

const CJS_CHECK = `
module.exports = {
  checks: [{
    id: 'documentation.runbook',
    scorecard: 'documentation',
    title: 'Runbook link',
    description: 'Services link a runbook.',
    weight: 1,
    evaluate(context) {
      if (context.subject !== 'entity') return { status: 'not-applicable', message: '' };
      return { status: 'fail', message: 'No runbook for ' + context.entity.entityRef + '.' };
    },
  }],
};
`;

const ESM_CHECK = `
export const teamNameCheck = {
  id: 'composition.short-name',
  scorecard: 'composition',
  title: 'Short name',
  description: 'Team names have at most 6 characters.',
  weight: 1,
  evaluate(context) {
    if (context.subject !== 'team') return { status: 'not-applicable', message: '' };
    const name = context.team.entityRef.split('/')[1];
    return name.length <= 6
      ? { status: 'pass', message: name + ' is short.' }
      : { status: 'warn', message: name + ' is long.' };
  },
};
export default { unrelated: true };
`;

function checkOf(report: Report, name: string, id: string) {
  return report.teams
    .find(t => t.entityRef === `group:default/${name}`)
    ?.scorecards.composition.checks.find(c => c.id === id);
}

describe('--checks', () => {
  beforeAll(() => {
    tmp.write({
      'catalog-info.yaml': CATALOG,
      'checks/runbook.js': CJS_CHECK,
      'checks/short-name.mjs': ESM_CHECK,
      'checks/nothing.js': 'module.exports = { answer: 42 };\n',
      'checks/bad-id.js':
        "module.exports = [{ id: 'On Call', scorecard: 'composition', title: 'x', description: 'x', weight: 1, evaluate() {} }];\n",
      'checks/broken.js': 'throw new Error("cannot start");\n',
      'checks/clash.js': `module.exports = { checks: [{ ...require('./runbook.js').checks[0] }] };\n`,
    });
  });

  it('runs the example check of the repository, with the results the portal shows', async () => {
    const result = await run(
      [
        'score',
        'catalog-info.yaml',
        '--checks',
        EXAMPLE_CHECKS,
        '--format',
        'json',
        ...NOW,
      ],
      { cwd: tmp.path },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(checkOf(report, 'pair', 'composition.on-call')).toMatchObject({
      status: 'fail',
      message: '2 people cannot run a humane rotation.',
      remediation:
        'Grow the team or hand the service to a team that can run it.',
    });
    // waived in the YAML, which lint accepts as a known check id
    expect(checkOf(report, 'squad', 'composition.on-call')).toMatchObject({
      status: 'pass',
      waived: { until: '2026-02-01' },
    });
    const lint = await run(
      ['lint', 'catalog-info.yaml', '--checks', EXAMPLE_CHECKS, ...NOW],
      { cwd: tmp.path },
    );
    expect(lint.stdout).not.toMatch(/unknown check/);
    const withoutModule = await run(['lint', 'catalog-info.yaml', ...NOW], {
      cwd: tmp.path,
    });
    expect(withoutModule.stdout).toMatch(
      /waiver for unknown check 'composition\.on-call'/,
    );
  });

  it('reports custom checks in the code-host formats, with their own rule', async () => {
    const result = await run(
      ['score', '.', '--checks', EXAMPLE_CHECKS, '--format', 'sarif', ...NOW],
      { cwd: tmp.path },
    );
    const [runLog] = JSON.parse(result.stdout).runs;
    const rule = runLog.tool.driver.rules.find(
      (r: { id: string }) => r.id === 'composition.on-call',
    );
    expect(rule.help.text).toMatch(/share an on-call rotation/);
    expect(
      runLog.results.find(
        (r: { ruleId: string }) => r.ruleId === 'composition.on-call',
      ).message.text,
    ).toMatch(/humane rotation[\s\S]*Remediation: Grow the team/);
  });

  it('loads CommonJS modules relative to the current folder, several at once', async () => {
    const result = await run(
      [
        'score',
        'catalog-info.yaml',
        '--checks',
        'checks/runbook.js',
        '--checks',
        EXAMPLE_CHECKS,
        '--format',
        'json',
        ...NOW,
      ],
      { cwd: tmp.path },
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(checkOf(report, 'pair', 'composition.on-call')?.status).toBe('fail');
    expect(report.entities[0].scorecards.documentation.checks).toContainEqual(
      expect.objectContaining({
        id: 'documentation.runbook',
        status: 'fail',
        message: 'No runbook for component:default/svc.',
      }),
    );
  });

  it('loads ES modules in the real command', () => {
    const bin = path.resolve(__dirname, '../../bin/team-insights');
    const result = spawnSync(
      process.execPath,
      [
        bin,
        'score',
        '.',
        '--checks',
        'checks/short-name.mjs',
        '--format',
        'json',
        ...NOW,
      ],
      {
        env: { PATH: process.env.PATH ?? '', INIT_CWD: tmp.path },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(checkOf(report, 'pair', 'composition.short-name')).toMatchObject({
      status: 'pass',
      message: 'pair is short.',
    });
  }, 60_000);

  it.each([
    [
      'checks/missing.js',
      /checks module 'checks\/missing\.js' not found \(looked for .*missing\.js\)/,
    ],
    [
      'checks/nothing.js',
      /checks module 'checks\/nothing\.js' exports no Team Insights checks; export `checks`/,
    ],
    [
      'checks/bad-id.js',
      /checks module 'checks\/bad-id\.js': custom check id 'On Call' must be lower-case words/,
    ],
    [
      'checks/broken.js',
      /checks module 'checks\/broken\.js' failed to load: cannot start/,
    ],
  ])(
    'exits 2 naming the module when %s cannot give checks',
    async (module, message) => {
      for (const command of ['lint', 'score']) {
        const result = await run([command, '.', '--checks', module], {
          cwd: tmp.path,
        });
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(message);
        expect(result.stderr.split('\n')).toHaveLength(2);
      }
    },
  );

  it('exits 2 when two modules define the same check id', async () => {
    const result = await run(
      [
        'score',
        '.',
        '--checks',
        'checks/runbook.js',
        '--checks',
        'checks/clash.js',
      ],
      { cwd: tmp.path },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /checks module 'checks\/clash\.js': custom check id 'documentation\.runbook' is already taken/,
    );
  });
});
