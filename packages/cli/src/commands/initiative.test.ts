import path from 'node:path';
import type { Report } from '@team-insights/plugin-team-insights-common';
import { run, useTempDir } from '../__testUtils__';

const FIXTURES = path.resolve(__dirname, '../__fixtures__');
const ORG = ['org', '--now', '2026-01-15'];

const tmp = useTempDir();

function configWith(initiatives: object[]): string {
  const [file] = tmp.write({
    [`config-${Math.random().toString(36).slice(2)}.json`]: JSON.stringify({
      teamInsights: { initiatives },
    }),
  });
  return file;
}

const base = {
  id: 'ml-gold',
  title: 'ML teams at gold',
  start: '2026-01-01',
  deadline: '2026-06-30',
};

describe('team-insights score --initiative', () => {
  let report: Report;

  beforeAll(async () => {
    const result = await run(['score', ...ORG, '--format', 'json'], {
      cwd: FIXTURES,
    });
    report = JSON.parse(result.stdout);
  });

  it('exits 1 and lists each covered team not at target with what holds it back', async () => {
    const config = configWith([
      {
        ...base,
        teams: { orgUnit: 'group:default/ml' },
        target: { scorecard: 'composition', level: 'gold' },
      },
    ]);
    const below = report.teams.filter(
      t => t.scorecards.composition.level !== 'gold',
    );
    expect(below.length).toBeGreaterThan(0);
    const result = await run(
      ['score', ...ORG, '--initiative', 'ml-gold', '--config', config],
      { cwd: FIXTURES },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `initiative 'ml-gold' (deadline 2026-06-30): ${below.length} of ${report.teams.length} teams are not at target`,
    );
    for (const team of below) {
      expect(result.stderr).toContain(
        `${team.entityRef}  ${team.scorecards.composition.level}`,
      );
    }
    // the report itself is printed as usual
    expect(result.stdout).toContain('Search Ranking');
  });

  it('exits 0 when every covered team is at target', async () => {
    const search = report.teams.find(
      t => t.entityRef === 'group:default/search-ranking',
    )!;
    const level = search.scorecards.composition.level;
    expect(level).not.toBe('none');
    const config = configWith([
      {
        ...base,
        teams: { refs: ['group:default/search-ranking'] },
        target: { scorecard: 'composition', level },
      },
    ]);
    const result = await run(
      ['score', ...ORG, '--initiative', 'ml-gold', '--config', config],
      { cwd: FIXTURES },
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('its one team is at target');
  });

  it('is a usage error without --config, for an unknown id, or for an invalid initiative', async () => {
    const noConfig = await run(['score', ...ORG, '--initiative', 'ml-gold'], {
      cwd: FIXTURES,
    });
    expect(noConfig.code).toBe(2);
    expect(noConfig.stderr).toContain('--initiative needs --config');

    const config = configWith([
      {
        ...base,
        teams: { orgUnit: 'group:default/ml' },
        target: { scorecard: 'composition', level: 'platinum' },
      },
    ]);
    const invalid = await run(
      ['score', ...ORG, '--initiative', 'ml-gold', '--config', config],
      { cwd: FIXTURES },
    );
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain(
      'teamInsights.initiatives[0].target.level: must be gold, silver or bronze',
    );

    const unknown = await run(
      ['score', ...ORG, '--initiative', 'other', '--config', config],
      { cwd: FIXTURES },
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("has no initiative 'other'");
  });
});
