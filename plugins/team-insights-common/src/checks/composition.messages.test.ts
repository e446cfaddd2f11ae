import type { Entity } from '@backstage/catalog-model';
import { evaluate } from '../evaluate';
import type { CheckResult } from '../types';
import {
  api,
  component,
  group,
  members,
  NOW,
  teamOf,
  user,
  withRelations,
} from '../testing/entities';

// What the composition checks tell a team, word for word: the message names
// what was found in numbers and names, and the remediation carries the
// YAML to copy. A check that says nothing, the wrong number or the wrong
// snippet fails here.

const FOUR = [
  'data-scientist',
  'data-engineer',
  'site-reliability-engineer',
  'analytics-translator',
];

const view = ({ id, status, message, remediation, entities }: CheckResult) => ({
  id,
  status,
  message,
  remediation,
  entities,
});

const composition = (entities: Entity[]) =>
  teamOf(
    evaluate(withRelations(entities), { now: NOW }),
    'team',
  ).scorecards.composition.checks.map(view);

describe('what the composition checks say', () => {
  it('a feature team of four, one person per required cluster', () => {
    expect(
      composition([
        group('team', { teamType: 'feature' }),
        ...members('team', FOUR),
        component('svc', { owner: 'team' }),
      ]),
    ).toEqual([
      {
        id: 'composition.skill-coverage',
        status: 'pass',
        message:
          'All 4 required clusters are covered: analytics-translator (1), data-engineer (1), data-scientist (1) and site-reliability-engineer (1).',
      },
      {
        id: 'composition.team-size',
        status: 'pass',
        message:
          '4 people (4 members, 0 head counts): 6 communication paths (n(n-1)/2).',
      },
      {
        id: 'composition.redundancy',
        status: 'warn',
        message:
          '4 clusters are held by fewer than 2 people — single points of failure: analytics-translator (user:default/team-4), data-engineer (user:default/team-2), data-scientist (user:default/team-1) and site-reliability-engineer (user:default/team-3).',
        remediation:
          'Share the knowledge (pairing, rotation) so a second person can cover each of these clusters, and record it in their skills, or add people:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team\n  annotations:\n    team-insights.io/team-type: feature\n    team-insights.io/skills: analytics-translator=1, data-engineer=1, data-scientist=1, site-reliability-engineer=1\nspec:\n  type: team\n```',
        entities: [
          'user:default/team-1',
          'user:default/team-2',
          'user:default/team-3',
          'user:default/team-4',
        ],
      },
      {
        id: 'composition.cross-functional',
        status: 'pass',
        message:
          'Primary clusters of 4 people: analytics-translator 1, data-engineer 1, data-scientist 1 and site-reliability-engineer 1; the largest, analytics-translator, is 25 %.',
      },
      {
        id: 'composition.hand-overs',
        status: 'pass',
        message: 'Depends on no non-product entity of another team.',
      },
      {
        id: 'composition.end-to-end-ownership',
        status: 'pass',
        message: 'Owns 1 Component: component:default/svc.',
      },
      {
        id: 'composition.skills-declared',
        status: 'pass',
        message: '4 of 4 members (100 %) declare their skills.',
      },
      {
        id: 'composition.annotations-valid',
        status: 'pass',
        message: 'No annotation errors on the team or its 4 members.',
      },
    ]);
  });

  it('three of the four clusters, a head count, no Component', () => {
    expect(
      composition([
        group('team', { teamType: 'feature', skills: 'data-engineer=1' }),
        ...members('team', FOUR.slice(0, 3)),
      ]),
    ).toEqual([
      {
        id: 'composition.skill-coverage',
        status: 'fail',
        message:
          'Missing 1 of 4 required clusters: analytics-translator. Covered: data-engineer (2), data-scientist (1) and site-reliability-engineer (1). Without an analytics translator, chances are the team solves the wrong problem.',
        remediation:
          "Bring the missing skills into the team, so it is end-to-end responsible without hand-overs. Either add people as Users with `team-insights.io/skills` and `spec.memberOf`, or count people who are not in the catalog on the Group:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team\n  annotations:\n    team-insights.io/team-type: feature\n    team-insights.io/skills: analytics-translator=1, data-engineer=1 # was: data-engineer=1\nspec:\n  type: team\n```\n\nIf a centralized team's self-service product covers a cluster, override what this team needs with `team-insights.io/required-skills`.",
      },
      {
        id: 'composition.team-size',
        status: 'pass',
        message:
          '4 people (3 members, 1 head count): 6 communication paths (n(n-1)/2).',
      },
      {
        id: 'composition.redundancy',
        status: 'warn',
        message:
          '2 clusters are held by fewer than 2 people — single points of failure: data-scientist (user:default/team-1) and site-reliability-engineer (user:default/team-3).',
        remediation:
          'Share the knowledge (pairing, rotation) so a second person can cover each of these clusters, and record it in their skills, or add people:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team\n  annotations:\n    team-insights.io/team-type: feature\n    team-insights.io/skills: data-engineer=1, data-scientist=1, site-reliability-engineer=1 # was: data-engineer=1\nspec:\n  type: team\n```',
        entities: ['user:default/team-1', 'user:default/team-3'],
      },
      {
        id: 'composition.cross-functional',
        status: 'pass',
        message:
          'Primary clusters of 4 people: data-engineer 2, data-scientist 1 and site-reliability-engineer 1; the largest, data-engineer, is 50 %.',
      },
      {
        id: 'composition.hand-overs',
        status: 'pass',
        message: 'Depends on no non-product entity of another team.',
      },
      {
        id: 'composition.end-to-end-ownership',
        status: 'fail',
        message:
          'Owns no Component: the team is not end-to-end responsible for any software, so its work is a task inside another team’s product.',
        remediation:
          "Give the team the software it builds and runs, by making it the owner in each Component's catalog-info.yaml:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: <your-component> # placeholder: each Component the team builds and runs\nspec:\n  owner: group:default/team\n```",
      },
      {
        id: 'composition.skills-declared',
        status: 'pass',
        message: '3 of 3 members (100 %) declare their skills.',
      },
      {
        id: 'composition.annotations-valid',
        status: 'pass',
        message: 'No annotation errors on the team or its 3 members.',
      },
    ]);
  });

  it('a feature team with nobody in it', () => {
    expect(composition([group('team', { teamType: 'feature' })])).toEqual([
      {
        id: 'composition.skill-coverage',
        status: 'fail',
        message:
          'Missing 4 of 4 required clusters: analytics-translator, data-engineer, data-scientist and site-reliability-engineer. Without an analytics translator, chances are the team solves the wrong problem.',
        remediation:
          "Bring the missing skills into the team, so it is end-to-end responsible without hand-overs. Either add people as Users with `team-insights.io/skills` and `spec.memberOf`, or count people who are not in the catalog on the Group:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team\n  annotations:\n    team-insights.io/team-type: feature\n    team-insights.io/skills: analytics-translator=1, data-engineer=1, data-scientist=1, site-reliability-engineer=1\nspec:\n  type: team\n```\n\nIf a centralized team's self-service product covers a cluster, override what this team needs with `team-insights.io/required-skills`.",
      },
      {
        id: 'composition.team-size',
        status: 'fail',
        message:
          'The team has no people: no User is a member and no head count is declared.',
        remediation:
          'Add the members to the Group (or set `spec.memberOf` on each User):\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team\nspec:\n  type: team\n  members:\n    - <your-member> # placeholder: the User name of each person in the team\n```\n\nor declare people who are not in the catalog as head counts:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team\n  annotations:\n    team-insights.io/team-type: feature\n    team-insights.io/skills: <your-head-counts> # placeholder: cluster=count for the people who are not in the catalog, e.g. analytics-translator=1\nspec:\n  type: team\n```',
      },
      {
        id: 'composition.redundancy',
        status: 'not-applicable',
        message:
          'No required cluster is held yet, so there is no redundancy to judge.',
      },
      {
        id: 'composition.cross-functional',
        status: 'not-applicable',
        message:
          'Only 0 people declare a primary cluster; at least 3 are needed to judge.',
      },
      {
        id: 'composition.hand-overs',
        status: 'pass',
        message: 'Depends on no non-product entity of another team.',
      },
      {
        id: 'composition.end-to-end-ownership',
        status: 'fail',
        message:
          'Owns no Component: the team is not end-to-end responsible for any software, so its work is a task inside another team’s product.',
        remediation:
          "Give the team the software it builds and runs, by making it the owner in each Component's catalog-info.yaml:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: <your-component> # placeholder: each Component the team builds and runs\nspec:\n  owner: group:default/team\n```",
      },
      {
        id: 'composition.skills-declared',
        status: 'not-applicable',
        message:
          'The team has no User members (head counts declare their skills by definition).',
      },
      {
        id: 'composition.annotations-valid',
        status: 'pass',
        message: 'No annotation errors on the team or its 0 members.',
      },
    ]);
  });

  it('a centralized team of one', () => {
    expect(
      composition([
        group('team', { teamType: 'centralized' }),
        ...members('team', ['sre']),
      ]),
    ).toEqual([
      {
        id: 'composition.skill-coverage',
        status: 'not-applicable',
        message: 'No skill cluster is required of a centralized team.',
      },
      {
        id: 'composition.team-size',
        status: 'warn',
        message:
          '1 person (1 member, 0 head counts): 0 communication paths (n(n-1)/2). A team of fewer than 3 people has no one to take over when someone is away.',
        remediation:
          'Merge with a team working on the same value stream, or add people. If members are missing from the catalog, add them to `spec.members`:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team\nspec:\n  type: team\n  members:\n    - team-1\n    - <your-member> # placeholder: the User name of each person still missing\n```\n\nor, for people who are not in the catalog, as head counts:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team\n  annotations:\n    team-insights.io/team-type: centralized\n    team-insights.io/skills: <your-head-counts> # placeholder: cluster=count for the people who are not in the catalog, e.g. data-engineer=1\nspec:\n  type: team\n```',
      },
      {
        id: 'composition.redundancy',
        status: 'not-applicable',
        message: 'No skill cluster is required of a centralized team.',
      },
      {
        id: 'composition.cross-functional',
        status: 'not-applicable',
        message:
          'A centralized team is judged on the products it exposes, not on its mix of skills.',
      },
      {
        id: 'composition.hand-overs',
        status: 'pass',
        message: 'Depends on no non-product entity of another team.',
      },
      {
        id: 'composition.end-to-end-ownership',
        status: 'not-applicable',
        message: 'A centralized team is judged on the products it exposes.',
      },
      {
        id: 'composition.skills-declared',
        status: 'pass',
        message: '1 of 1 member (100 %) declare their skills.',
      },
      {
        id: 'composition.annotations-valid',
        status: 'pass',
        message: 'No annotation errors on the team or its 1 member.',
      },
    ]);
  });

  it('an expertise team of three data scientists', () => {
    expect(
      composition([
        group('team', { teamType: 'expertise' }),
        ...members('team', Array(3).fill('data-scientist')),
      ]),
    ).toEqual([
      {
        id: 'composition.skill-coverage',
        status: 'not-applicable',
        message: expect.stringContaining('No skill cluster is required of a'),
      },
      {
        id: 'composition.team-size',
        status: 'pass',
        message:
          '3 people (3 members, 0 head counts): 3 communication paths (n(n-1)/2).',
      },
      {
        id: 'composition.redundancy',
        status: 'not-applicable',
        message: expect.stringContaining('No skill cluster is required of a'),
      },
      {
        id: 'composition.cross-functional',
        status: 'fail',
        message:
          'An expertise-oriented team groups people by skill, so work reaches users only through hand-overs to other teams: split ownership, loss of knowledge at each hand-over, longer lead time (each hand-over requires another team to refine and plan its part) and tight coupling between teams.',
        remediation:
          'Reorganise into feature teams: each end-to-end responsible for a feature, with people from all disciplines. Declare the new team type:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team\n  annotations:\n    team-insights.io/team-type: feature # was: expertise\nspec:\n  type: team\n```\n\nIf the team handles a cross-cutting concern for many teams, make it a centralized team that exposes a self-service product instead (`team-insights.io/team-type: centralized`).',
      },
      {
        id: 'composition.hand-overs',
        status: 'pass',
        message: 'Depends on no non-product entity of another team.',
      },
      {
        id: 'composition.end-to-end-ownership',
        status: 'fail',
        message:
          'Owns no Component: the team is not end-to-end responsible for any software, so its work is a task inside another team’s product.',
        remediation:
          "Give the team the software it builds and runs, by making it the owner in each Component's catalog-info.yaml:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: <your-component> # placeholder: each Component the team builds and runs\nspec:\n  owner: group:default/team\n```",
      },
      {
        id: 'composition.skills-declared',
        status: 'pass',
        message: '3 of 3 members (100 %) declare their skills.',
      },
      {
        id: 'composition.annotations-valid',
        status: 'pass',
        message: 'No annotation errors on the team or its 3 members.',
      },
    ]);
  });

  it('twelve data scientists', () => {
    expect(
      composition([
        group('team', { teamType: 'feature' }),
        ...members('team', Array(12).fill('data-scientist')),
      ]),
    ).toEqual([
      {
        id: 'composition.skill-coverage',
        status: 'fail',
        message:
          'Missing 3 of 4 required clusters: analytics-translator, data-engineer and site-reliability-engineer. Covered: data-scientist (12). Without an analytics translator, chances are the team solves the wrong problem.',
        remediation:
          "Bring the missing skills into the team, so it is end-to-end responsible without hand-overs. Either add people as Users with `team-insights.io/skills` and `spec.memberOf`, or count people who are not in the catalog on the Group:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team\n  annotations:\n    team-insights.io/team-type: feature\n    team-insights.io/skills: analytics-translator=1, data-engineer=1, site-reliability-engineer=1\nspec:\n  type: team\n```\n\nIf a centralized team's self-service product covers a cluster, override what this team needs with `team-insights.io/required-skills`.",
      },
      {
        id: 'composition.team-size',
        status: 'warn',
        message:
          '12 people (12 members, 0 head counts): 66 communication paths (n(n-1)/2). More than 9 people slows the team down.',
        remediation:
          "Each person added to a team adds more communication overhead than the previous one. Split the team into feature teams of at most 9, each end-to-end responsible for a part of the value stream. Two teams of 6 and 6 people have 30 communication paths between them, against 66 now. Extract repeated cross-cutting work (monitoring, batch scheduling) to a centralized team's product rather than adding people.",
      },
      {
        id: 'composition.redundancy',
        status: 'pass',
        message:
          'Every covered required cluster is held by at least 2 people: data-scientist (12).',
      },
      {
        id: 'composition.cross-functional',
        status: 'fail',
        message:
          '12 of 12 people (100 %) have data-scientist as their primary cluster, more than 75 %: the team is organised around one expertise, which brings hand-overs and split ownership.',
        remediation:
          "Make the team cross-functional: bring in people whose primary cluster is one of the team's missing disciplines (analytics-translator, data-engineer and site-reliability-engineer), or move some data-scientist people to teams that lack the skill.",
        entities: [
          'user:default/team-1',
          'user:default/team-10',
          'user:default/team-11',
          'user:default/team-12',
          'user:default/team-2',
          'user:default/team-3',
          'user:default/team-4',
          'user:default/team-5',
          'user:default/team-6',
          'user:default/team-7',
          'user:default/team-8',
          'user:default/team-9',
        ],
      },
      {
        id: 'composition.hand-overs',
        status: 'pass',
        message: 'Depends on no non-product entity of another team.',
      },
      {
        id: 'composition.end-to-end-ownership',
        status: 'fail',
        message:
          'Owns no Component: the team is not end-to-end responsible for any software, so its work is a task inside another team’s product.',
        remediation:
          "Give the team the software it builds and runs, by making it the owner in each Component's catalog-info.yaml:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: <your-component> # placeholder: each Component the team builds and runs\nspec:\n  owner: group:default/team\n```",
      },
      {
        id: 'composition.skills-declared',
        status: 'pass',
        message: '12 of 12 members (100 %) declare their skills.',
      },
      {
        id: 'composition.annotations-valid',
        status: 'pass',
        message: 'No annotation errors on the team or its 12 members.',
      },
    ]);
  });

  it('eight members and ten head counts', () => {
    expect(
      composition([
        group('team', { teamType: 'feature', skills: 'sre=10' }),
        ...members('team', Array(8).fill('data-scientist')),
      ]),
    ).toEqual([
      {
        id: 'composition.skill-coverage',
        status: 'fail',
        message:
          'Missing 2 of 4 required clusters: analytics-translator and data-engineer. Covered: data-scientist (8) and site-reliability-engineer (10). Without an analytics translator, chances are the team solves the wrong problem.',
        remediation:
          "Bring the missing skills into the team, so it is end-to-end responsible without hand-overs. Either add people as Users with `team-insights.io/skills` and `spec.memberOf`, or count people who are not in the catalog on the Group:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team\n  annotations:\n    team-insights.io/team-type: feature\n    team-insights.io/skills: analytics-translator=1, data-engineer=1, site-reliability-engineer=10 # was: sre=10\nspec:\n  type: team\n```\n\nIf a centralized team's self-service product covers a cluster, override what this team needs with `team-insights.io/required-skills`.",
      },
      {
        id: 'composition.team-size',
        status: 'fail',
        message:
          '18 people (8 members, 10 head counts): 153 communication paths (n(n-1)/2). More than 15 people: communication overhead dominates.',
        remediation:
          "Each person added to a team adds more communication overhead than the previous one. Split the team into feature teams of at most 9, each end-to-end responsible for a part of the value stream. Two teams of 9 and 9 people have 72 communication paths between them, against 153 now. Extract repeated cross-cutting work (monitoring, batch scheduling) to a centralized team's product rather than adding people.",
      },
      {
        id: 'composition.redundancy',
        status: 'pass',
        message:
          'Every covered required cluster is held by at least 2 people: data-scientist (8) and site-reliability-engineer (10).',
      },
      {
        id: 'composition.cross-functional',
        status: 'pass',
        message:
          'Primary clusters of 18 people: data-scientist 8 and site-reliability-engineer 10; the largest, site-reliability-engineer, is 56 %.',
      },
      {
        id: 'composition.hand-overs',
        status: 'pass',
        message: 'Depends on no non-product entity of another team.',
      },
      {
        id: 'composition.end-to-end-ownership',
        status: 'fail',
        message:
          'Owns no Component: the team is not end-to-end responsible for any software, so its work is a task inside another team’s product.',
        remediation:
          "Give the team the software it builds and runs, by making it the owner in each Component's catalog-info.yaml:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: <your-component> # placeholder: each Component the team builds and runs\nspec:\n  owner: group:default/team\n```",
      },
      {
        id: 'composition.skills-declared',
        status: 'pass',
        message: '8 of 8 members (100 %) declare their skills.',
      },
      {
        id: 'composition.annotations-valid',
        status: 'pass',
        message: 'No annotation errors on the team or its 8 members.',
      },
    ]);
  });

  it('two members, one silent, depending on four teams', () => {
    expect(
      composition([
        group('team', { teamType: 'feature' }),
        ...members('team', ['data-scientist', undefined]),
        component('svc', {
          owner: 'team',
          dependsOn: [
            'component:a-svc',
            'component:b-svc',
            'component:c-svc',
            'component:d-svc',
          ],
        }),
        ...['a', 'b', 'c', 'd'].flatMap(t => [
          group(t, { teamType: 'feature' }),
          component(`${t}-svc`, { owner: t }),
        ]),
      ]),
    ).toEqual([
      {
        id: 'composition.skill-coverage',
        status: 'fail',
        message:
          'Missing 3 of 4 required clusters: analytics-translator, data-engineer and site-reliability-engineer. Covered: data-scientist (1). Without an analytics translator, chances are the team solves the wrong problem.',
        remediation:
          "Bring the missing skills into the team, so it is end-to-end responsible without hand-overs. Either add people as Users with `team-insights.io/skills` and `spec.memberOf`, or count people who are not in the catalog on the Group:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team\n  annotations:\n    team-insights.io/team-type: feature\n    team-insights.io/skills: analytics-translator=1, data-engineer=1, site-reliability-engineer=1\nspec:\n  type: team\n```\n\nIf a centralized team's self-service product covers a cluster, override what this team needs with `team-insights.io/required-skills`.",
      },
      {
        id: 'composition.team-size',
        status: 'warn',
        message:
          '2 people (2 members, 0 head counts): 1 communication path (n(n-1)/2). A team of fewer than 3 people has no one to take over when someone is away.',
        remediation:
          'Merge with a team working on the same value stream, or add people. If members are missing from the catalog, add them to `spec.members`:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team\nspec:\n  type: team\n  members:\n    - team-1\n    - team-2\n    - <your-member> # placeholder: the User name of each person still missing\n```\n\nor, for people who are not in the catalog, as head counts:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team\n  annotations:\n    team-insights.io/team-type: feature\n    team-insights.io/skills: <your-head-counts> # placeholder: cluster=count for the people who are not in the catalog, e.g. analytics-translator=1\nspec:\n  type: team\n```',
      },
      {
        id: 'composition.redundancy',
        status: 'warn',
        message:
          '1 cluster is held by fewer than 2 people — single points of failure: data-scientist (user:default/team-1).',
        remediation:
          'Share the knowledge (pairing, rotation) so a second person can cover each of these clusters, and record it in their skills, or add people:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team\n  annotations:\n    team-insights.io/team-type: feature\n    team-insights.io/skills: data-scientist=1\nspec:\n  type: team\n```',
        entities: ['user:default/team-1'],
      },
      {
        id: 'composition.cross-functional',
        status: 'not-applicable',
        message:
          'Only 1 person declares a primary cluster; at least 3 are needed to judge.',
      },
      {
        id: 'composition.hand-overs',
        status: 'fail',
        message:
          'Depends on non-product entities of 4 other teams: group:default/a (component:default/a-svc), group:default/b (component:default/b-svc), group:default/c (component:default/c-svc) and group:default/d (component:default/d-svc).',
        remediation:
          "Each dependency on another team’s internals is a hand-over: that team has to refine and plan its part. Ask those teams to expose what you use as a self-service product, or move the entity into this team. An entity becomes a product with `team-insights.io/product: 'true'` in its catalog-info.yaml, e.g. component:default/a-svc:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a-svc\n  annotations:\n    team-insights.io/product: 'true'\nspec:\n  type: service\n  owner: a\n```",
        entities: [
          'group:default/a',
          'group:default/b',
          'group:default/c',
          'group:default/d',
        ],
      },
      {
        id: 'composition.end-to-end-ownership',
        status: 'pass',
        message: 'Owns 1 Component: component:default/svc.',
      },
      {
        id: 'composition.skills-declared',
        status: 'warn',
        message:
          '1 of 2 members (50 %) declare their skills; not declared: user:default/team-2.',
        remediation:
          'Each member lists the clusters they bring, primary first, on their User entity, e.g. user:default/team-2:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: team-2\n  annotations:\n    team-insights.io/skills: <your-skills> # placeholder: the clusters this person brings, primary first, e.g. analytics-translator, data-engineer\n```',
        entities: ['user:default/team-2'],
      },
      {
        id: 'composition.annotations-valid',
        status: 'pass',
        message: 'No annotation errors on the team or its 2 members.',
      },
    ]);
  });

  it('four of five primaries alike, and a misspelt cluster', () => {
    expect(
      composition([
        group('team', { teamType: 'feature' }),
        ...members('team', [
          ...Array(4).fill('data-scientist'),
          'data-engineer, sre',
        ]),
        user('typo', { skills: 'data-sceintist', memberOf: ['team'] }),
      ]),
    ).toEqual([
      {
        id: 'composition.skill-coverage',
        status: 'fail',
        message:
          'Missing 1 of 4 required clusters: analytics-translator. Covered: data-engineer (1), data-scientist (4) and site-reliability-engineer (1). Without an analytics translator, chances are the team solves the wrong problem.',
        remediation:
          "Bring the missing skills into the team, so it is end-to-end responsible without hand-overs. Either add people as Users with `team-insights.io/skills` and `spec.memberOf`, or count people who are not in the catalog on the Group:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team\n  annotations:\n    team-insights.io/team-type: feature\n    team-insights.io/skills: analytics-translator=1\nspec:\n  type: team\n```\n\nIf a centralized team's self-service product covers a cluster, override what this team needs with `team-insights.io/required-skills`.",
      },
      {
        id: 'composition.team-size',
        status: 'pass',
        message:
          '6 people (6 members, 0 head counts): 15 communication paths (n(n-1)/2).',
      },
      {
        id: 'composition.redundancy',
        status: 'warn',
        message:
          '2 clusters are held by fewer than 2 people — single points of failure: data-engineer (user:default/team-5) and site-reliability-engineer (user:default/team-5).',
        remediation:
          'Share the knowledge (pairing, rotation) so a second person can cover each of these clusters, and record it in their skills, or add people:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team\n  annotations:\n    team-insights.io/team-type: feature\n    team-insights.io/skills: data-engineer=1, site-reliability-engineer=1\nspec:\n  type: team\n```',
        entities: ['user:default/team-5'],
      },
      {
        id: 'composition.cross-functional',
        status: 'fail',
        message:
          '4 of 5 people (80 %) have data-scientist as their primary cluster, more than 75 %: the team is organised around one expertise, which brings hand-overs and split ownership.',
        remediation:
          "Make the team cross-functional: bring in people whose primary cluster is one of the team's missing disciplines (analytics-translator, data-engineer and site-reliability-engineer), or move some data-scientist people to teams that lack the skill.",
        entities: [
          'user:default/team-1',
          'user:default/team-2',
          'user:default/team-3',
          'user:default/team-4',
        ],
      },
      {
        id: 'composition.hand-overs',
        status: 'pass',
        message: 'Depends on no non-product entity of another team.',
      },
      {
        id: 'composition.end-to-end-ownership',
        status: 'fail',
        message:
          'Owns no Component: the team is not end-to-end responsible for any software, so its work is a task inside another team’s product.',
        remediation:
          "Give the team the software it builds and runs, by making it the owner in each Component's catalog-info.yaml:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: <your-component> # placeholder: each Component the team builds and runs\nspec:\n  owner: group:default/team\n```",
      },
      {
        id: 'composition.skills-declared',
        status: 'pass',
        message: '6 of 6 members (100 %) declare their skills.',
      },
      {
        id: 'composition.annotations-valid',
        status: 'fail',
        message:
          "1 annotation error on user:default/typo, so part of what they declare is ignored. user:default/typo: unknown skill cluster 'data-sceintist' (did you mean 'data-scientist'?)",
        remediation:
          'Fix the findings: each says what is wrong and how to fix it. `team-insights lint` shows them with file and line before you commit.',
        entities: ['user:default/typo'],
      },
    ]);
  });

  it('consuming the API of another team', () => {
    expect(
      composition([
        group('team', { teamType: 'feature' }),
        component('svc', { owner: 'team', consumesApis: ['api:x-api'] }),
        group('x', { teamType: 'feature' }),
        component('x-svc', { owner: 'x', providesApis: ['api:x-api'] }),
        api('x-api', { owner: 'x' }),
      ]),
    ).toEqual([
      {
        id: 'composition.skill-coverage',
        status: 'fail',
        message:
          'Missing 4 of 4 required clusters: analytics-translator, data-engineer, data-scientist and site-reliability-engineer. Without an analytics translator, chances are the team solves the wrong problem.',
        remediation:
          "Bring the missing skills into the team, so it is end-to-end responsible without hand-overs. Either add people as Users with `team-insights.io/skills` and `spec.memberOf`, or count people who are not in the catalog on the Group:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team\n  annotations:\n    team-insights.io/team-type: feature\n    team-insights.io/skills: analytics-translator=1, data-engineer=1, data-scientist=1, site-reliability-engineer=1\nspec:\n  type: team\n```\n\nIf a centralized team's self-service product covers a cluster, override what this team needs with `team-insights.io/required-skills`.",
      },
      {
        id: 'composition.team-size',
        status: 'fail',
        message:
          'The team has no people: no User is a member and no head count is declared.',
        remediation:
          'Add the members to the Group (or set `spec.memberOf` on each User):\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team\nspec:\n  type: team\n  members:\n    - <your-member> # placeholder: the User name of each person in the team\n```\n\nor declare people who are not in the catalog as head counts:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team\n  annotations:\n    team-insights.io/team-type: feature\n    team-insights.io/skills: <your-head-counts> # placeholder: cluster=count for the people who are not in the catalog, e.g. analytics-translator=1\nspec:\n  type: team\n```',
      },
      {
        id: 'composition.redundancy',
        status: 'not-applicable',
        message:
          'No required cluster is held yet, so there is no redundancy to judge.',
      },
      {
        id: 'composition.cross-functional',
        status: 'not-applicable',
        message:
          'Only 0 people declare a primary cluster; at least 3 are needed to judge.',
      },
      {
        id: 'composition.hand-overs',
        status: 'pass',
        message:
          'Depends on non-product entities of 1 other team: group:default/x (api:default/x-api and component:default/x-svc).',
        entities: ['group:default/x'],
      },
      {
        id: 'composition.end-to-end-ownership',
        status: 'pass',
        message: 'Owns 1 Component: component:default/svc.',
      },
      {
        id: 'composition.skills-declared',
        status: 'not-applicable',
        message:
          'The team has no User members (head counts declare their skills by definition).',
      },
      {
        id: 'composition.annotations-valid',
        status: 'pass',
        message: 'No annotation errors on the team or its 0 members.',
      },
    ]);
  });
});
