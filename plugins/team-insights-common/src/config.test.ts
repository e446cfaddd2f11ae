import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { defaultTeamInsightsConfig, readTeamInsightsConfig } from './config';
import { evaluate } from './evaluate';
import { parseSkillsAnnotation } from './parsers';
import {
  checkOf,
  component,
  group,
  members,
  NOW,
  teamOf,
  withRelations,
} from './testing/entities';

const read = (teamInsights: unknown) =>
  readTeamInsightsConfig(new ConfigReader({ teamInsights } as any));

describe('readTeamInsightsConfig', () => {
  it('without a teamInsights section the spec defaults apply', () => {
    expect(readTeamInsightsConfig(new ConfigReader({}))).toEqual(
      defaultTeamInsightsConfig,
    );
    expect(readTeamInsightsConfig()).toEqual(defaultTeamInsightsConfig);
    expect(defaultTeamInsightsConfig.teamTypes.feature.requiredSkills).toEqual([
      'data-scientist',
      'data-engineer',
      'site-reliability-engineer',
      'analytics-translator',
    ]);
    expect(defaultTeamInsightsConfig.maxWaiverDays).toBe(365);
    expect(defaultTeamInsightsConfig.centralizeCandidateTeams).toBe(3);
  });

  it('configured skill clusters extend the defaults, and annotations can use them', () => {
    const config = read({
      skillClusters: [
        { id: 'ML-Engineer', title: 'ML engineer', aliases: ['mle'] },
        {
          id: 'data-scientist',
          title: 'Scientist',
          description: 'Builds models',
        },
      ],
    });
    expect(config.skillClusters.map(c => c.id)).toContain('ml-engineer');
    expect(
      config.skillClusters.find(c => c.id === 'data-scientist')!.title,
    ).toBe('Scientist');
    expect(config.skillClusters).toHaveLength(10);
    expect(
      parseSkillsAnnotation('mle', { kind: 'user', config }).value.primary,
    ).toBe('ml-engineer');
  });

  it('replaceDefaultSkillClusters replaces them', () => {
    const config = read({
      replaceDefaultSkillClusters: true,
      skillClusters: [{ id: 'builder', title: 'Builder' }],
      teamTypes: { feature: { requiredSkills: ['builder'] } },
    });
    expect(config.skillClusters.map(c => c.id)).toEqual(['builder']);
    expect(config.teamTypes.feature.requiredSkills).toEqual(['builder']);
    expect(config.teamTypes.centralized.requiredSkills).toEqual([]);
  });

  it('weights, thresholds and levels change the scores', () => {
    // Two members, each holding all four required clusters, owning a
    // Component. Default config: skill-coverage 3, team-size ½·2 (2 people
    // warn), redundancy 1 (every cluster held twice), cross-functional n/a
    // (fewer than 3 primaries), hand-overs 2, ownership 1, skills-declared 1,
    // annotations-valid 1 = 10 / 11 = 90.91 → 91, gold.
    const entities = withRelations([
      group('team', { teamType: 'feature' }),
      ...members('team', [
        'data-scientist, data-engineer, sre, analytics-translator',
        'data-engineer, data-scientist, sre, analytics-translator',
      ]),
      component('svc', { owner: 'team' }),
    ]);
    const composition = (teamInsights: unknown) =>
      teamOf(
        evaluate(entities, { now: NOW, config: read(teamInsights) }),
        'team',
      ).scorecards.composition;
    const scoreOf = (teamInsights: unknown) => {
      const card = composition(teamInsights);
      return [card.score, card.level];
    };
    expect(scoreOf({})).toEqual([91, 'gold']);
    // gold from 95: the same 91 is silver
    expect(scoreOf({ levels: { gold: 95 } })).toEqual([91, 'silver']);
    // teams of 1 or more pass the size check: 11 / 11 = 100, gold
    expect(scoreOf({ thresholds: { teamSize: { minPass: 1 } } })).toEqual([
      100,
      'gold',
    ]);
    // team-size weighs 0: 9 / 9 = 100, gold
    expect(scoreOf({ weights: { 'composition.team-size': 0 } })).toEqual([
      100,
      'gold',
    ]);
    // team-size weighs 6 and ownership 0:
    // (3 + 6·½ + 1 + 2 + 1 + 1) / (3 + 6 + 1 + 2 + 1 + 1) = 11 / 14 = 78.57
    // → 79, silver
    expect(
      scoreOf({
        weights: {
          'composition.team-size': 6,
          'composition.end-to-end-ownership': 0,
        },
      }),
    ).toEqual([79, 'silver']);

    const config = read({
      weights: { 'composition.team-size': 0 },
      thresholds: { teamSize: { minPass: 1 } },
      levels: { gold: 95 },
    });
    expect(config.weights).toEqual({ 'composition.team-size': 0 });
    const report = evaluate(
      withRelations([
        group('team', { teamType: 'feature' }),
        ...members('team', ['sre']),
      ]),
      { now: NOW, config },
    );
    const card = teamOf(report, 'team').scorecards.composition;
    expect(checkOf(card, 'composition.team-size')).toMatchObject({
      status: 'pass',
      weight: 0,
    });
    // one member, sre only, owning nothing: skill-coverage 0 of 3,
    // team-size pass but weight 0, redundancy ½·1, cross-functional n/a,
    // hand-overs 2, ownership 0 of 1, skills-declared 1, annotations-valid 1
    // = 4.5 / 9 = 50, bronze
    expect([card.score, card.level]).toEqual([50, 'bronze']);
  });

  it('nested weights read as dotted check ids', () => {
    expect(read({ weights: { docs: { techdocs: 5 } } }).weights).toEqual({
      'docs.techdocs': 5,
    });
  });

  it('bad values are a clear InputError naming every key, never a partial config', () => {
    let error: unknown;
    try {
      read({
        skillClusters: [
          { id: 'Not valid!', title: 'x' },
          { id: 'ok', title: 'ok', aliases: ['sre'] },
        ],
        teamTypes: {
          feature: { requiredSkills: ['data-sceintist'] },
          squad: {},
        },
        thresholds: {
          teamSize: { maxPass: 20, maxWarn: 15 },
          reach: { pass: 2 },
        },
        weights: { 'composition.team-size': -1 },
        levels: { gold: 40, silver: 75 },
        maxWaiverDays: 'a year',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const message = (error as Error).message;
    for (const expected of [
      "teamInsights.skillClusters[0].id: 'Not valid!' is not a valid id",
      "alias 'sre' of 'ok' is already the id or an alias of 'site-reliability-engineer'",
      "teamInsights.teamTypes.feature.requiredSkills: unknown skill cluster 'data-sceintist'",
      'teamInsights.teamTypes.squad: unknown team type',
      'expected teamSize.maxPass ≤ teamSize.maxWarn',
      'teamInsights.thresholds.reach.pass: must be a number from 0 to 1',
      'teamInsights.weights.composition.team-size: must be a number from 0 to 1000',
      'teamInsights.levels: expected gold ≥ silver ≥ bronze',
      'teamInsights.maxWaiverDays',
    ]) {
      expect(message).toContain(expected);
    }
  });

  it('the defaults cannot be changed by accident', () => {
    expect(() => {
      (defaultTeamInsightsConfig.levels as { gold: number }).gold = 1;
    }).toThrow(TypeError);
  });
});
