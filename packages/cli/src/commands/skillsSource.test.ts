import type { Report } from '@team-insights/plugin-team-insights-common';
import { run, useTempDir, yamlEntity } from '../__testUtils__';

const tmp = useTempDir();

const TEAM = yamlEntity('Group', 'search', {
  annotations: { 'team-insights.io/team-type': 'feature' },
  spec: { type: 'team', children: [] },
});
const person = (name: string, annotations?: Record<string, string>) =>
  yamlEntity('User', name, {
    annotations,
    spec: { memberOf: ['search'], profile: { email: `${name}@example.com` } },
  });
const CATALOG = [
  TEAM,
  person('ann'),
  person('bob'),
  person('cy'),
  person('dee', { 'team-insights.io/skills': 'ux-designer' }),
].join('---\n');

const SKILLS = [
  'user,skills',
  'ann@example.com,"data-scientist, data-engineer"',
  'user:default/bob,sre',
  'CY,"analytics-translator, data-sceintist"',
  'dee,data-scientist',
  'ghost@example.com,sre',
].join('\r\n');

function coverage(report: Report) {
  const check = report.teams[0].scorecards.composition.checks.find(
    c => c.id === 'composition.skill-coverage',
  );
  return check?.status;
}

describe('team-insights score --skills-source', () => {
  beforeAll(() => {
    tmp.write({ 'catalog-info.yaml': CATALOG, 'skills.csv': SKILLS });
  });

  it('scores the team with the skills of the source, where without it nobody declares any', async () => {
    const without = await run(
      ['score', 'catalog-info.yaml', '--format', 'json'],
      { cwd: tmp.path },
    );
    expect(coverage(JSON.parse(without.stdout))).toBe('fail');

    const result = await run(
      [
        'score',
        'catalog-info.yaml',
        '--skills-source',
        'skills.csv',
        '--format',
        'json',
      ],
      { cwd: tmp.path },
    );
    expect(result.code).toBe(0);
    expect(coverage(JSON.parse(result.stdout))).toBe('pass');
    // the typo is an error of the source, shown at its cell; like every
    // reading problem, errors come first, then warnings
    expect(result.stderr).toBe(
      "skills.csv:4:4  error  unknown skill cluster 'data-sceintist' (did you mean 'data-scientist'?)\n" +
        "skills.csv:6:1  warning  no User has 'ghost@example.com' as spec.profile.email; the row was not used\n",
    );
  });

  it('keeps a User’s own annotation unless the source takes precedence', async () => {
    const skillsOfDee = async (extra: string[]) => {
      const result = await run(
        [
          'score',
          'catalog-info.yaml',
          '--skills-source',
          'skills.csv',
          '--format',
          'json',
          ...extra,
        ],
        { cwd: tmp.path },
      );
      const report: Report = JSON.parse(result.stdout);
      const check = report.teams[0].scorecards.composition.checks.find(
        c => c.id === 'composition.redundancy',
      );
      return check?.message ?? '';
    };
    // dee keeps ux-designer by default, so ann is the only data scientist;
    // with the source winning, dee is a second one
    expect(await skillsOfDee([])).toMatch(/data-scientist/);
    expect(await skillsOfDee(['--skills-precedence', 'source'])).not.toMatch(
      /data-scientist/,
    );
  });

  it('lists the findings of the source at file, line and column, with the rows that name nobody', async () => {
    const result = await run(
      ['lint', 'catalog-info.yaml', '--skills-source', 'skills.csv'],
      { cwd: tmp.path },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      "skills.csv:4:4  error    unknown skill cluster 'data-sceintist' (did you mean 'data-scientist'?)",
    );
    expect(result.stdout).toContain(
      "skills.csv:6:1  warning  no User has 'ghost@example.com' as spec.profile.email; the row was not used",
    );
  });

  it('sums up the rows that name nobody when the files hold only part of the organisation', async () => {
    const rows = ['user,skills', 'ann,sre'];
    for (let i = 0; i < 30; i++) rows.push(`elsewhere${i},sre`);
    tmp.write({ 'org-skills.csv': rows.join('\n') });
    const result = await run(
      ['lint', 'catalog-info.yaml', '--skills-source', 'org-skills.csv'],
      { cwd: tmp.path },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'org-skills.csv:3:1  warning  30 rows name no User in the files read (lines 3, 4, 5, 6, 7, …) and were not used; expected when the files hold only part of the organisation',
    );
    expect(result.stdout).not.toContain('elsewhere1');
  });

  it('reads the YAML form too', async () => {
    tmp.write({
      'skills.yaml':
        '- user: ann\n  skills: data-scientist, data-engineer\n- user: bob\n  skills: [sre]\n- user: cy\n  skills: analytics-translator\n',
    });
    const result = await run(
      [
        'score',
        'catalog-info.yaml',
        '--skills-source',
        'skills.yaml',
        '--format',
        'json',
      ],
      { cwd: tmp.path },
    );
    expect(result.code).toBe(0);
    expect(coverage(JSON.parse(result.stdout))).toBe('pass');
  });

  it('exits 2 with one line when the source cannot be read', async () => {
    const result = await run(
      ['score', 'catalog-info.yaml', '--skills-source', 'nope.csv'],
      { cwd: tmp.path },
    );
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "team-insights: cannot read 'nope.csv': no such file or directory\n",
    });
  });
});
