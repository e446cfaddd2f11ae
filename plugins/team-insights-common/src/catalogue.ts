import { TeamInsightsConfig, weightOf } from './config';
import type { TeamInsightsCheck } from './customChecks';
import type { ScorecardId } from './types';

/**
 * A built-in check: what it judges and why, in the words of the article the
 * product is built on. The UI and the `explain-check` action show it.
 * @public
 */
export interface BuiltInCheckInfo {
  id: string;
  scorecard: ScorecardId;
  title: string;
  /** The rule, with its default thresholds. */
  description: string;
  /** Why the rule matters. */
  rationale: string;
  /** Default weight (config `teamInsights.weights` may change it). */
  weight: number;
}

/**
 * The catalogue of built-in checks (SPEC §4.1–4.3), in scorecard order.
 * @public
 */
export const BUILT_IN_CHECKS: readonly BuiltInCheckInfo[] = [
  {
    id: 'composition.skill-coverage',
    scorecard: 'composition',
    title: 'Skill coverage',
    description:
      'Every skill cluster the team type requires is held by at least one person (primary or not).',
    rationale:
      'Machine learning needs four skill clusters: data scientist, data engineer, site reliability engineer and analytics translator. A feature team is end-to-end responsible and has people from all disciplines; a missing cluster becomes a hand-over to another team. Without an analytics translator, chances are the team solves the wrong problem.',
    weight: 3,
  },
  {
    id: 'composition.team-size',
    scorecard: 'composition',
    title: 'Team size',
    description:
      'Size (members plus head counts) of 3–9 passes, 1–2 or 10–15 warns, 0 or more than 15 fails.',
    rationale:
      'Each person added to a team adds more communication overhead than the previous one: n people have n(n-1)/2 communication paths. Feature teams do not scale without limit.',
    weight: 2,
  },
  {
    id: 'composition.redundancy',
    scorecard: 'composition',
    title: 'Redundancy',
    description:
      'Every required cluster the team covers is held by at least two people.',
    rationale:
      'A skill held by one person is a single point of failure: when that person is away, the work waits or is handed over.',
    weight: 1,
  },
  {
    id: 'composition.cross-functional',
    scorecard: 'composition',
    title: 'Cross-functional',
    description:
      'Feature teams: no primary cluster holds more than 75 % of the people with a declared primary (judged from 3 such people). Expertise teams always fail. Centralized teams: not applicable.',
    rationale:
      'Expertise-oriented teams do not work: grouping people by skill (a data lab, an ops team) results in split ownership and many hand-overs, each with severe loss of knowledge. Lead time increases because each hand-over requires another team to refine and plan its part, and the tight coupling between teams creates single points of failure.',
    weight: 2,
  },
  {
    id: 'composition.hand-overs',
    scorecard: 'composition',
    title: 'Hand-overs',
    description:
      'Distinct teams (neither this one nor centralized) owning non-product entities this team depends on: at most 1 passes, 2–3 warn, more fail.',
    rationale:
      'Depending on another team’s work, rather than on a self-service product, is a hand-over: the other team has to refine and plan its part, which increases lead time and couples the teams tightly.',
    weight: 2,
  },
  {
    id: 'composition.end-to-end-ownership',
    scorecard: 'composition',
    title: 'End-to-end ownership',
    description: 'Feature and expertise teams own at least one Component.',
    rationale:
      'A feature team is end-to-end responsible for a feature. A team that owns no software has nothing it is responsible for end to end: its work is a task inside another team’s product.',
    weight: 1,
  },
  {
    id: 'composition.skills-declared',
    scorecard: 'composition',
    title: 'Skills declared',
    description:
      'At least 80 % of the members declare their skills passes, at least 50 % warns.',
    rationale:
      'Skill coverage, redundancy and cross-functionality can only be judged from declared skills: undeclared people make the team look weaker, or stronger, than it is.',
    weight: 1,
  },
  {
    id: 'composition.annotations-valid',
    scorecard: 'composition',
    title: 'Annotations valid',
    description:
      'No error findings on the team or its members: every Team Insights annotation parses and resolves.',
    rationale:
      'An annotation that cannot be read is ignored, so the scorecards describe a different team from the one the annotation meant.',
    weight: 1,
  },
  {
    id: 'adoption.exposes-products',
    scorecard: 'adoption',
    title: 'Exposes products',
    description: 'A centralized team owns at least one product.',
    rationale:
      'Principle one: expose products, not tasks. When a centralized team takes over tasks from feature teams, it becomes a bottleneck. People don’t scale, but products do.',
    weight: 3,
  },
  {
    id: 'adoption.opt-in',
    scorecard: 'adoption',
    title: 'Opt-in',
    description: 'None of the centralized team’s products is mandatory.',
    rationale:
      'Principle two: opt-in. When feature teams are required to use a product, the incentive to make it good is reduced, and a team that needs something slightly different is stuck waiting for the centralized team. Give teams the freedom to choose.',
    weight: 2,
  },
  {
    id: 'adoption.reach',
    scorecard: 'adoption',
    title: 'Reach',
    description:
      'Share of the centralized team’s products with at least one adopting team: 100 % passes, at least 50 % warns.',
    rationale:
      'Extract a cross-cutting concern to a centralized team when it becomes evident that many teams need it. A product nobody adopts is not yet solving a shared problem — or teams opted out, which is a signal to listen to.',
    weight: 3,
  },
  {
    id: 'adoption.self-service',
    scorecard: 'adoption',
    title: 'Self-service',
    description:
      'Every product has a documentation score of at least 75 (passes) or 50 (warns).',
    rationale:
      'Principle three: self-service. To prevent hand-overs, make the product fully self-service: provide rich documentation, and tools or APIs to automate everything that previously required communication.',
    weight: 3,
  },
  {
    id: 'adoption.no-communication',
    scorecard: 'adoption',
    title: 'Requires no communication',
    description: 'Every product has TechDocs.',
    rationale:
      'Principle four: require no communication. If teams need to talk to you in order to understand or use your product, the other principles are not fully applied yet. Think of centralized teams as internal cloud providers.',
    weight: 2,
  },
  {
    id: 'adoption.not-too-early',
    scorecard: 'adoption',
    title: 'Not too early',
    description:
      'A centralized team fails when it has existed for more than 90 days (`thresholds.prematureCentralizationDays`) and none of its products has an adopter, or when fewer than two feature teams built on its concerns when it was first seen centralized and still do. Not applicable before the backend has a history of the organisation.',
    rationale:
      'Extract a cross-cutting concern to a centralized team only when it becomes evident that many teams need it. A centralized team pays off once a concern is evident in several feature teams; before that, it builds a product nobody needs and adds communication paths.',
    weight: 2,
  },
  {
    id: 'adoption.reuse',
    scorecard: 'adoption',
    title: 'Reuse of platform products',
    description:
      'For each cross-cutting concern the team builds itself, no product of another team covers it that the team neither adopts nor declined (a warning at most: adoption is opt-in).',
    rationale:
      'With many teams doing the same mundane tasks over and over (monitoring, batch scheduling), it becomes economical to handle cross-cutting concerns centrally. Opt-in means a team may decline a product — but it should be a conscious choice.',
    weight: 2,
  },
  {
    id: 'docs.description',
    scorecard: 'documentation',
    title: 'Description',
    description:
      '`metadata.description` has at least 20 characters and is not a placeholder (todo, tbd, n/a, description, -).',
    rationale:
      'The description is the first thing another team reads when deciding whether to use or depend on an entity; without it they have to ask.',
    weight: 2,
  },
  {
    id: 'docs.owner',
    scorecard: 'documentation',
    title: 'Owner',
    description: '`spec.owner` resolves to a Group (passes) or a User (warns).',
    rationale:
      'Ownership by a team, not a person, avoids split ownership and single points of failure.',
    weight: 2,
  },
  {
    id: 'docs.techdocs',
    scorecard: 'documentation',
    title: 'TechDocs',
    description:
      '`backstage.io/techdocs-ref` or `backstage.io/techdocs-entity` is set.',
    rationale:
      'Rich documentation makes a product self-service and removes the need to communicate.',
    weight: 3,
  },
  {
    id: 'docs.source',
    scorecard: 'documentation',
    title: 'Source location',
    description:
      '`backstage.io/source-location`, `backstage.io/view-url` or a `url:` managed-by-location is set.',
    rationale:
      'Readers can find the code without asking, and contribute to it.',
    weight: 1,
  },
  {
    id: 'docs.lifecycle',
    scorecard: 'documentation',
    title: 'Lifecycle',
    description: 'Components and APIs set `spec.lifecycle`.',
    rationale:
      'Teams deciding whether to depend on something need to know whether it is experimental, in production or deprecated.',
    weight: 1,
  },
  {
    id: 'docs.system',
    scorecard: 'documentation',
    title: 'System',
    description: 'Components, APIs and Resources set `spec.system`.',
    rationale:
      'The system shows what belongs together, and so which team is end-to-end responsible for what.',
    weight: 1,
  },
  {
    id: 'docs.links',
    scorecard: 'documentation',
    title: 'Links',
    description: 'At least one `metadata.links` entry.',
    rationale:
      'Dashboards, runbooks and support channels let readers help themselves.',
    weight: 1,
  },
  {
    id: 'docs.tags',
    scorecard: 'documentation',
    title: 'Tags',
    description: 'At least one tag.',
    rationale: 'Tags make the entity discoverable in catalog search.',
    weight: 1,
  },
  {
    id: 'docs.api-definition',
    scorecard: 'documentation',
    title: 'API definition',
    description: 'APIs have a `spec.definition` of at least 100 characters.',
    rationale:
      'An API that can only be learned by asking its team is not self-service.',
    weight: 3,
  },
  {
    id: 'docs.provides-api',
    scorecard: 'documentation',
    title: 'Provides an API',
    description:
      'Component products provide at least one API (`providesApis`).',
    rationale:
      'Self-service means tools or APIs to automate everything that previously required communication.',
    weight: 2,
  },
];

/** Ids of the built-in checks. */
export const BUILT_IN_CHECK_IDS: readonly string[] = BUILT_IN_CHECKS.map(
  c => c.id,
);

const BY_ID = new Map(BUILT_IN_CHECKS.map(c => [c.id, c]));

/** Looks up a built-in check by id. */
export function builtInCheck(id: string): BuiltInCheckInfo {
  const check = BY_ID.get(id);
  if (!check) {
    throw new Error(`unknown built-in check ${id}`);
  }
  return check;
}

/**
 * The catalogue of every check the engine runs: the built-in ones, then the
 * given custom checks (sorted by id), with their configured weights when a
 * config is given.
 * @public
 */
export function checkCatalogue(
  customChecks: readonly TeamInsightsCheck[] = [],
  config?: TeamInsightsConfig,
): BuiltInCheckInfo[] {
  const custom = [...customChecks]
    .sort((a, b) => (a.id < b.id ? -1 : Number(a.id > b.id)))
    .map(c => ({
      id: c.id,
      scorecard: c.scorecard,
      title: c.title,
      description: c.description,
      rationale: c.rationale ?? '',
      weight: c.weight,
    }));
  return [...BUILT_IN_CHECKS, ...custom].map(c => ({
    ...c,
    weight: config ? weightOf(config, c.id, c.weight) : c.weight,
  }));
}
