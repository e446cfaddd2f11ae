import type { Entity } from '@backstage/catalog-model';
import { defaultTeamInsightsConfig, TeamInsightsConfig } from './config';
import { evaluate } from './evaluate';
import {
  api,
  checkOf,
  component,
  group,
  members,
  NOW,
  resource,
  system,
  teamOf,
  user,
  withRelations,
} from './testing/entities';
import type { Report, ScorecardResult } from './types';

// Every scorecard's score and level on small catalogs, worked out by hand
// from SPEC §4: score = round(100 · Σ weight·credit / Σ weight) over the
// applicable checks, credit pass 1, warn ½, fail 0; gold ≥ 90, silver ≥ 75,
// bronze ≥ 50. The comment above each expectation is the arithmetic; the
// engine's own scores are never used to compute what is expected.
//
// Default weights — composition: skill-coverage 3, team-size 2, redundancy 1,
// cross-functional 2, hand-overs 2, end-to-end-ownership 1, skills-declared 1,
// annotations-valid 1. Adoption: exposes-products 3, opt-in 2, reach 3,
// self-service 3, no-communication 2; reuse 2. Documentation: description 2,
// owner 2, techdocs 3, source 1, lifecycle 1, system 1, links 1, tags 1,
// api-definition 3, provides-api 2.

const FOUR = [
  'data-scientist',
  'data-engineer',
  'site-reliability-engineer',
  'analytics-translator',
];

const run = (entities: Entity[], config?: TeamInsightsConfig): Report =>
  evaluate(withRelations(entities), { now: NOW, config });

const scoreOf = (scorecard: ScorecardResult) => [
  scorecard.score,
  scorecard.level,
];

const entityCard = (report: Report, ref: string) => {
  const entity = report.entities.find(e => e.entityRef === ref);
  if (!entity) throw new Error(`no entity ${ref}`);
  return entity.scorecards.documentation;
};

/** A copy of an entity without some metadata or spec fields. */
function without(
  entity: Entity,
  fields: Array<'tags' | 'links' | 'system' | 'lifecycle' | 'description'>,
): Entity {
  const metadata = { ...entity.metadata };
  const spec: NonNullable<Entity['spec']> = { ...entity.spec };
  for (const field of fields) {
    if (field === 'system' || field === 'lifecycle') delete spec[field];
    else delete metadata[field];
  }
  return { ...entity, metadata, spec };
}

const NO_TECHDOCS = { 'backstage.io/techdocs-ref': '' };
const NO_SOURCE = { 'backstage.io/source-location': '' };

describe('composition scores, by hand', () => {
  it('a feature team of four, one of each cluster: only redundancy warns (96, gold)', () => {
    const report = run([
      group('team', { teamType: 'feature' }),
      ...members('team', FOUR),
      component('svc', { owner: 'team' }),
    ]);
    const card = teamOf(report, 'team').scorecards.composition;
    expect(card.checks.map(c => c.status)).toEqual([
      'pass', // skill-coverage 3
      'pass', // team-size 2 (4 people)
      'warn', // redundancy 1 (each cluster held once)
      'pass', // cross-functional 2 (25 % each)
      'pass', // hand-overs 2
      'pass', // end-to-end-ownership 1
      'pass', // skills-declared 1
      'pass', // annotations-valid 1
    ]);
    // (3 + 2 + 1·½ + 2 + 2 + 1 + 1 + 1) / 13 = 12.5 / 13 = 96.15 → 96, gold
    expect(scoreOf(card)).toEqual([96, 'gold']);
  });

  it('the same team owning no Component fails end-to-end ownership (88, silver)', () => {
    const report = run([
      group('team', { teamType: 'feature' }),
      ...members('team', FOUR),
    ]);
    // (12.5 − 1) / 13 = 11.5 / 13 = 88.46 → 88, silver
    expect(scoreOf(teamOf(report, 'team').scorecards.composition)).toEqual([
      88,
      'silver',
    ]);
  });

  it('an expertise team of five data scientists (78, silver), 100 with its hand-over waived', () => {
    const lab = (waivers?: string) =>
      run([
        group('lab', { teamType: 'expertise', waivers }),
        ...members('lab', Array(5).fill('data-scientist')),
        component('lab-svc', { owner: 'lab' }),
      ]);
    // skill-coverage and redundancy do not apply (nothing is required);
    // team-size 2 + cross-functional 0 of 2 + hand-overs 2 + ownership 1 +
    // skills-declared 1 + annotations-valid 1 = 7 / 9 = 77.78 → 78, silver
    expect(scoreOf(teamOf(lab(), 'lab').scorecards.composition)).toEqual([
      78,
      'silver',
    ]);
    // the waived fail counts as pass: 9 / 9 = 100, gold
    expect(
      scoreOf(
        teamOf(
          lab('composition.cross-functional until 2026-04-30: splitting up'),
          'lab',
        ).scorecards.composition,
      ),
    ).toEqual([100, 'gold']);
  });

  it('a centralized team of two: only size, hand-overs, skills and annotations apply (83, silver)', () => {
    const report = run([
      group('platform', { teamType: 'centralized' }),
      ...members('platform', ['sre', 'data-engineer']),
    ]);
    const card = teamOf(report, 'platform').scorecards.composition;
    expect(card.checks.filter(c => c.status !== 'not-applicable')).toEqual([
      expect.objectContaining({ id: 'composition.team-size', status: 'warn' }),
      expect.objectContaining({ id: 'composition.hand-overs', status: 'pass' }),
      expect.objectContaining({
        id: 'composition.skills-declared',
        status: 'pass',
      }),
      expect.objectContaining({
        id: 'composition.annotations-valid',
        status: 'pass',
      }),
    ]);
    // (2·½ + 2 + 1 + 1) / (2 + 2 + 1 + 1) = 5 / 6 = 83.33 → 83, silver
    expect(scoreOf(card)).toEqual([83, 'silver']);
  });

  it('an empty feature team (33, none)', () => {
    const report = run([group('team', { teamType: 'feature' })]);
    // skill-coverage 0 of 3, team-size 0 of 2 (nobody), hand-overs 2 of 2,
    // ownership 0 of 1, annotations-valid 1 of 1; redundancy,
    // cross-functional and skills-declared do not apply:
    // 3 / 9 = 33.33 → 33, none
    expect(scoreOf(teamOf(report, 'team').scorecards.composition)).toEqual([
      33,
      'none',
    ]);
  });

  it("a team of one depending on two other teams' internals (68, bronze), 30 (none) when it declares no skills", () => {
    // one member holding every required cluster, a team of one that owns no
    // Component and depends on the internals of two other teams:
    // skill-coverage 3, team-size ½·2 (1 person), redundancy ½·1 (held
    // once), cross-functional n/a (1 primary), hand-overs ½·2 (2 teams),
    // ownership 0 of 1, skills-declared 1, annotations-valid 1
    // = (3 + 1 + 0.5 + 1 + 0 + 1 + 1) / (3 + 2 + 1 + 2 + 1 + 1 + 1)
    // = 7.5 / 11 = 68.18 → 68, bronze
    const entities = (skills?: string) => [
      group('solo', { teamType: 'feature' }),
      ...members('solo', [skills]),
      resource('solo-db', {
        owner: 'solo',
        dependsOn: ['component:a-svc', 'component:b-svc'],
      }),
      group('a', { teamType: 'feature' }),
      component('a-svc', { owner: 'a' }),
      group('b', { teamType: 'feature' }),
      component('b-svc', { owner: 'b' }),
    ];
    const all = FOUR.join(', ');
    expect(
      scoreOf(teamOf(run(entities(all)), 'solo').scorecards.composition),
    ).toEqual([68, 'bronze']);
    // without skills: skill-coverage 0 of 3, team-size ½·2, redundancy n/a
    // (nothing held), hand-overs ½·2, ownership 0, skills-declared 0 of 1,
    // annotations-valid 1 = (0 + 1 + 1 + 0 + 0 + 1) / (3 + 2 + 2 + 1 + 1 + 1)
    // = 3 / 10 = 30, none
    expect(
      scoreOf(teamOf(run(entities()), 'solo').scorecards.composition),
    ).toEqual([30, 'none']);
  });
});

describe('adoption scores, by hand', () => {
  const platform = (products: Entity[], extra: Entity[] = []) =>
    run([
      group('platform', { teamType: 'centralized' }),
      ...products,
      group('a', { teamType: 'feature' }),
      component('a-svc', { owner: 'a', dependsOn: ['component:store'] }),
      ...extra,
    ]);

  it('one adopted, documented, opt-in product: every principle passes (100, gold)', () => {
    const report = platform([
      component('store', { owner: 'platform', documented: true }),
    ]);
    // 3 + 2 + 3 + 3 + 2 = 13 / 13 = 100, gold
    expect(scoreOf(teamOf(report, 'platform').scorecards.adoption)).toEqual([
      100,
      'gold',
    ]);
  });

  it('a second product, bare and unadopted, halves reach and fails self-service and docs (50, bronze)', () => {
    const report = platform([
      component('store', { owner: 'platform', documented: true }),
      component('queue', { owner: 'platform' }),
    ]);
    const card = teamOf(report, 'platform').scorecards.adoption;
    expect(card.checks.map(c => [c.id, c.status])).toEqual([
      ['adoption.exposes-products', 'pass'],
      ['adoption.opt-in', 'pass'],
      ['adoption.reach', 'warn'], // 1 of 2 products adopted = 50 %
      ['adoption.self-service', 'fail'], // queue's documentation is 14
      ['adoption.no-communication', 'fail'], // queue has no TechDocs
      ['adoption.not-too-early', 'not-applicable'], // no timeline given
    ]);
    // (3 + 2 + 3·½ + 0 + 0) / 13 = 6.5 / 13 = 50, bronze
    expect(scoreOf(card)).toEqual([50, 'bronze']);
    // queue, a bare Component product: only owner passes (2 of 14):
    // 2 / 14 = 14.29 → 14, none
    expect(scoreOf(entityCard(report, 'component:default/queue'))).toEqual([
      14,
      'none',
    ]);
  });

  it('a mandatory product fails opt-in (85, silver)', () => {
    const report = platform([
      component('store', {
        owner: 'platform',
        documented: true,
        mandatory: 'true',
      }),
    ]);
    // (3 + 0 + 3 + 3 + 2) / 13 = 11 / 13 = 84.62 → 85, silver
    expect(scoreOf(teamOf(report, 'platform').scorecards.adoption)).toEqual([
      85,
      'silver',
    ]);
  });

  it('a centralized team without products: only exposes-products and opt-in apply (40, none)', () => {
    const report = run([group('platform', { teamType: 'centralized' })]);
    // exposes-products 0 of 3, opt-in 2 of 2 (nothing is mandatory):
    // 2 / 5 = 40, none
    expect(scoreOf(teamOf(report, 'platform').scorecards.adoption)).toEqual([
      40,
      'none',
    ]);
  });

  it('a feature team rebuilding a covered concern warns on reuse (50, bronze); adopting it passes (100, gold)', () => {
    const entities = (dependsOn?: string[]) => [
      group('platform', { teamType: 'centralized' }),
      component('metrics', { owner: 'platform', concern: 'monitoring' }),
      group('team', { teamType: 'feature' }),
      component('own-metrics', {
        owner: 'team',
        concern: 'monitoring',
        dependsOn,
      }),
    ];
    // reuse warn: 2·½ / 2 = 50, bronze
    expect(
      scoreOf(teamOf(run(entities()), 'team').scorecards.adoption),
    ).toEqual([50, 'bronze']);
    // reuse pass: 2 / 2 = 100, gold
    expect(
      scoreOf(
        teamOf(run(entities(['component:metrics'])), 'team').scorecards
          .adoption,
      ),
    ).toEqual([100, 'gold']);
  });
});

describe('documentation scores, by hand', () => {
  const team = group('team', { teamType: 'feature' });
  const full = (name: string) =>
    component(name, { owner: 'team', documented: true });

  it('of each kind of entity', () => {
    const report = run([
      team,
      user('jdoe', { memberOf: ['team'] }),
      // 12 / 12 = 100, gold
      full('complete'),
      // a person owns it: owner warns, 2·½ of 2 → (12 − 1) / 12 = 91.67 → 92, gold
      component('personal', { owner: 'user:jdoe', documented: true }),
      // no TechDocs: (12 − 3) / 12 = 75, silver
      component('no-docs', {
        owner: 'team',
        documented: true,
        annotations: NO_TECHDOCS,
      }),
      // no TechDocs, system, links or tags: (12 − 3 − 1 − 1 − 1) / 12 = 50, bronze
      without(
        component('sparse', {
          owner: 'team',
          documented: true,
          annotations: NO_TECHDOCS,
        }),
        ['system', 'links', 'tags'],
      ),
      // an API without TechDocs and source: (15 − 3 − 1) / 15 = 73.33 → 73, bronze
      api('thin-api', {
        owner: 'team',
        documented: true,
        annotations: { ...NO_TECHDOCS, ...NO_SOURCE },
      }),
      // a System (no lifecycle, system, API checks) without TechDocs:
      // (10 − 3) / 10 = 70, bronze
      system('platform-system', {
        owner: 'team',
        documented: true,
        annotations: NO_TECHDOCS,
      }),
      // a Resource (no lifecycle) fully documented: 11 / 11 = 100, gold
      resource('db', { owner: 'team', documented: true }),
      // a Component product without an API: (14 − 2) / 14 = 85.71 → 86, silver
      component('product', {
        owner: 'team',
        documented: true,
        product: 'true',
      }),
    ]);
    const scores = Object.fromEntries(
      report.entities.map(e => [
        e.entityRef.split('/')[1],
        scoreOf(e.scorecards.documentation),
      ]),
    );
    expect(scores).toEqual({
      complete: [100, 'gold'],
      personal: [92, 'gold'],
      'no-docs': [75, 'silver'],
      sparse: [50, 'bronze'],
      'thin-api': [73, 'bronze'],
      'platform-system': [70, 'bronze'],
      db: [100, 'gold'],
      product: [86, 'silver'],
    });
  });

  // A team's documentation score is the mean of its entities' scores.
  const teamScore = (owned: Entity[]) =>
    scoreOf(teamOf(run([team, ...owned]), 'team').scorecards.documentation);

  it('a team at 90 is gold, at 89 silver', () => {
    // (100 + 100 + 70) / 3 = 270 / 3 = 90, gold — the System without
    // TechDocs scores (10 − 3) / 10 = 70
    expect(
      teamScore([
        full('a'),
        resource('db', { owner: 'team', documented: true }),
        system('sys', {
          owner: 'team',
          documented: true,
          annotations: NO_TECHDOCS,
        }),
      ]),
    ).toEqual([90, 'gold']);
    // (100 + 100 + 67) / 3 = 267 / 3 = 89, silver — the Component without
    // TechDocs and tags scores (12 − 3 − 1) / 12 = 66.67 → 67
    expect(
      teamScore([
        full('a'),
        full('b'),
        without(
          component('c', {
            owner: 'team',
            documented: true,
            annotations: NO_TECHDOCS,
          }),
          ['tags'],
        ),
      ]),
    ).toEqual([89, 'silver']);
  });

  it('a team at 75 is silver, at 74 bronze', () => {
    const noDocs = component('no-docs', {
      owner: 'team',
      documented: true,
      annotations: NO_TECHDOCS,
    });
    // one Component without TechDocs: 9 / 12 = 75, silver
    expect(teamScore([noDocs])).toEqual([75, 'silver']);
    // with an API without TechDocs and source, 11 / 15 = 73.33 → 73:
    // (75 + 73) / 2 = 74, bronze
    expect(
      teamScore([
        noDocs,
        api('thin-api', {
          owner: 'team',
          documented: true,
          annotations: { ...NO_TECHDOCS, ...NO_SOURCE },
        }),
      ]),
    ).toEqual([74, 'bronze']);
  });

  it('a team at 50 is bronze, at 49 none', () => {
    const sparse = without(
      component('sparse', {
        owner: 'team',
        documented: true,
        annotations: NO_TECHDOCS,
      }),
      ['system', 'links', 'tags'],
    );
    // (12 − 3 − 1 − 1 − 1) / 12 = 6 / 12 = 50, bronze
    expect(teamScore([sparse])).toEqual([50, 'bronze']);
    // with an API without TechDocs, definition, links and tags,
    // (15 − 3 − 3 − 1 − 1) / 15 = 7 / 15 = 46.67 → 47:
    // (50 + 47) / 2 = 48.5 → 49, none
    expect(
      teamScore([
        sparse,
        without(
          api('bare-api', {
            owner: 'team',
            documented: true,
            definition: 'openapi: 3.0.0',
            annotations: NO_TECHDOCS,
          }),
          ['links', 'tags'],
        ),
      ]),
    ).toEqual([49, 'none']);
  });

  it("the team's checks grade the pass rate: 1 of 3 fails, 2 of 3 and 1 of 2 warn, 2 of 2 pass", () => {
    const techdocsOf = (owned: Entity[]) =>
      checkOf(
        teamOf(run([team, ...owned]), 'team').scorecards.documentation,
        'docs.techdocs',
      );
    const bare = (name: string) =>
      component(name, {
        owner: 'team',
        documented: true,
        annotations: NO_TECHDOCS,
      });
    // 1 of 3 = 33 % < 50 %: fail
    const oneOfThree = techdocsOf([full('a'), bare('b'), bare('c')]);
    expect(oneOfThree).toMatchObject({
      status: 'fail',
      entities: ['component:default/b', 'component:default/c'],
    });
    expect(oneOfThree.message).toContain('1 of 3 owned entities pass (33 %)');
    // 2 of 3 = 67 %: warn; 1 of 2 = 50 % exactly: warn
    expect(techdocsOf([full('a'), full('b'), bare('c')]).status).toBe('warn');
    expect(techdocsOf([full('a'), bare('b')]).status).toBe('warn');
    // 0 of 1: fail; 2 of 2: pass
    expect(techdocsOf([bare('b')]).status).toBe('fail');
    expect(techdocsOf([full('a'), full('b')]).status).toBe('pass');
  });
});

describe('weights of 0 and custom thresholds, by hand', () => {
  it('a weight of 0 takes a failing check out of the documentation score', () => {
    const config: TeamInsightsConfig = {
      ...defaultTeamInsightsConfig,
      weights: { 'docs.techdocs': 0 },
    };
    const entities = [
      group('team', { teamType: 'feature' }),
      component('svc', {
        owner: 'team',
        documented: true,
        annotations: NO_TECHDOCS,
      }),
    ];
    const ref = 'component:default/svc';
    // default: (12 − 3) / 12 = 75, silver
    expect(scoreOf(entityCard(run(entities), ref))).toEqual([75, 'silver']);
    // techdocs weighs 0: 9 / 9 = 100, gold; the check still shows its fail
    const card = entityCard(run(entities, config), ref);
    expect(scoreOf(card)).toEqual([100, 'gold']);
    expect(checkOf(card, 'docs.techdocs')).toMatchObject({
      status: 'fail',
      weight: 0,
    });
  });

  it('custom thresholds move a check between bands, and custom levels move the score between levels', () => {
    const entities = [
      group('team', { teamType: 'feature' }),
      ...members('team', FOUR),
      component('svc', { owner: 'team' }),
    ];
    const composition = (config: TeamInsightsConfig) =>
      teamOf(run(entities, config), 'team').scorecards.composition;
    // redundancyMinPeople 1: every cluster held once is enough, so
    // redundancy passes: 13 / 13 = 100, gold
    expect(
      scoreOf(
        composition({
          ...defaultTeamInsightsConfig,
          thresholds: {
            ...defaultTeamInsightsConfig.thresholds,
            redundancyMinPeople: 1,
          },
        }),
      ),
    ).toEqual([100, 'gold']);
    // teamSize.maxPass 3: 4 people warn too:
    // (3 + 2·½ + 1·½ + 2 + 2 + 1 + 1 + 1) / 13 = 11.5 / 13 = 88.46 → 88, silver
    expect(
      scoreOf(
        composition({
          ...defaultTeamInsightsConfig,
          thresholds: {
            ...defaultTeamInsightsConfig.thresholds,
            teamSize: { minPass: 3, maxPass: 3, maxWarn: 15 },
          },
        }),
      ),
    ).toEqual([88, 'silver']);
    // the default 96 is silver when gold starts at 97
    expect(
      scoreOf(
        composition({
          ...defaultTeamInsightsConfig,
          levels: { gold: 97, silver: 75, bronze: 50 },
        }),
      ),
    ).toEqual([96, 'silver']);
  });
});

describe('organisation roll-ups, by hand', () => {
  it('a department of a gold, a bronze and a silver team', () => {
    const report = run([
      group('ml', { type: 'department' }),
      // 96, gold (see "a feature team of four" above)
      group('four', { teamType: 'feature', parent: 'ml' }),
      ...members('four', FOUR),
      component('four-svc', { owner: 'four' }),
      // 78, silver (see "an expertise team of five" above)
      group('lab', { teamType: 'expertise', parent: 'ml' }),
      ...members('lab', Array(5).fill('data-scientist')),
      component('lab-svc', { owner: 'lab' }),
      // 33, none (see "an empty feature team" above)
      group('empty', { teamType: 'feature', parent: 'ml' }),
    ]);
    const ml = report.orgUnits.find(o => o.entityRef === 'group:default/ml')!;
    // (96 + 78 + 33) / 3 = 207 / 3 = 69, bronze
    expect(ml.scorecards.composition).toEqual({
      score: 69,
      level: 'bronze',
      byLevel: { gold: 1, silver: 1, bronze: 0, none: 1 },
    });
    // adoption: four and lab build no concern (reuse passes, 100 each); the
    // empty team too: (100 + 100 + 100) / 3 = 100, gold
    expect(ml.scorecards.adoption).toEqual({
      score: 100,
      level: 'gold',
      byLevel: { gold: 3, silver: 0, bronze: 0, none: 0 },
    });
    // documentation: four-svc and lab-svc are bare Components owned by a
    // team, 2 / 12 = 16.67 → 17 each; the empty team has none (null, left
    // out): (17 + 17) / 2 = 17, none
    expect(ml.scorecards.documentation).toEqual({
      score: 17,
      level: 'none',
      byLevel: { gold: 0, silver: 0, bronze: 0, none: 2 },
    });
  });
});
