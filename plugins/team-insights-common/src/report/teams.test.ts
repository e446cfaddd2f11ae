import { InputError } from '@backstage/errors';
import { defaultTeamInsightsConfig } from '../config';
import { levelOf } from '../scoring';
import type { TeamReport } from '../types';
import { queryTeams, summarizeTeam } from './teams';

const meta = { evaluatedAt: '2026-03-02T06:00:00.000Z', stale: false };

function team(
  name: string,
  title: string,
  composition: number | null,
  size = 5,
): TeamReport {
  const scorecard = (score: number | null) => ({
    score,
    level: levelOf(score, defaultTeamInsightsConfig),
    checks: [],
  });
  return {
    entityRef: `group:default/${name}`,
    title,
    teamType: 'feature',
    teamTypeDeclared: true,
    size,
    members: size,
    headCount: 0,
    communicationPaths: (size * (size - 1)) / 2,
    orgUnits: ['group:default/ml'],
    requiredSkills: [],
    missingSkills: [],
    skills: [],
    owned: [],
    scorecards: {
      composition: scorecard(composition),
      adoption: scorecard(50),
      documentation: scorecard(50),
    },
  } as TeamReport;
}

const teams = [
  team('b', 'Zürich Ranking', 95),
  team('a', 'Ads', null),
  team('c', 'ads', 40),
  team('d', 'Équipe Vision', 95),
  team('e', 'Fraud', 60, 12),
];

describe('queryTeams', () => {
  it('sorts by title without regard to case, ties by entity ref', () => {
    const page = queryTeams(teams, {}, meta);
    expect(page.items.map(t => t.entityRef)).toEqual([
      'group:default/a',
      'group:default/c',
      'group:default/e',
      'group:default/b',
      'group:default/d',
    ]);
    expect(page.totalCount).toBe(5);
    expect(page.nextCursor).toBeUndefined();
  });

  it('puts teams without a score last in both orders', () => {
    const asc = queryTeams(teams, { sort: 'composition' }, meta);
    const desc = queryTeams(
      teams,
      { sort: 'composition', order: 'desc' },
      meta,
    );
    expect(asc.items.map(t => t.scores.composition.score)).toEqual([
      40,
      60,
      95,
      95,
      null,
    ]);
    expect(desc.items.map(t => t.scores.composition.score)).toEqual([
      95,
      95,
      60,
      40,
      null,
    ]);
  });

  it('pages through every team once, whatever the page size', () => {
    for (const limit of [1, 2, 3]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = queryTeams(
          teams,
          { sort: 'title', order: 'desc', limit, cursor },
          meta,
        );
        seen.push(...page.items.map(t => t.entityRef));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(
        queryTeams(teams, { sort: 'title', order: 'desc' }, meta).items.map(
          t => t.entityRef,
        ),
      );
    }
  });

  it('filters by text, size and level, and counts levels over the filtered teams', () => {
    const page = queryTeams(teams, { q: 'ADS', composition: 'none' }, meta);
    expect(page.items.map(t => t.entityRef)).toEqual(['group:default/c']);
    expect(page.levelCounts.composition).toEqual({
      gold: 0,
      silver: 0,
      bronze: 0,
      none: 1,
      'n/a': 0,
    });
  });

  it('refuses a cursor that is not one it wrote, or that belongs to another query', () => {
    const first = queryTeams(teams, { limit: 2 }, meta);
    expect(() =>
      queryTeams(teams, { limit: 2, cursor: 'not a cursor' }, meta),
    ).toThrow(InputError);
    expect(() =>
      queryTeams(teams, { limit: 2, cursor: first.nextCursor, q: 'a' }, meta),
    ).toThrow(/different query/);
  });
});

describe('summarizeTeam', () => {
  it('gives the scores of every scorecard and leaves out what the team lacks', () => {
    const summary = summarizeTeam(team('x', 'X', null));
    expect(summary.scores.composition).toEqual({ score: null, level: null });
    expect(summary).not.toHaveProperty('parent');
    expect(summary).not.toHaveProperty('worstCheck');
  });
});
