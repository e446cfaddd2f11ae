/**
 * The report of SPEC §5: the contract between the engine, the backend's REST
 * API, the CLI's `--format json` and the frontend.
 */
import type { FindingCode, FindingParams } from './findingCodes';

export { FINDING_CODES } from './findingCodes';
export type {
  FindingCode,
  FindingCodeInfo,
  FindingParams,
} from './findingCodes';

/** @public */
export type TeamType = 'feature' | 'centralized' | 'expertise';

/** @public */
export const TEAM_TYPES: readonly TeamType[] = [
  'feature',
  'centralized',
  'expertise',
];

/** @public */
export type ScorecardId = 'composition' | 'adoption' | 'documentation';

/** @public */
export const SCORECARD_IDS: readonly ScorecardId[] = [
  'composition',
  'adoption',
  'documentation',
];

/**
 * What each scorecard is called wherever people read it: the views,
 * notifications and badges.
 * @public
 */
export const SCORECARD_TITLES: Readonly<Record<ScorecardId, string>> = {
  composition: 'Team composition',
  adoption: 'Platform adoption',
  documentation: 'Documentation',
};

/** @public */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'not-applicable';

/** @public */
export type Level = 'gold' | 'silver' | 'bronze' | 'none';

/** Levels from best to worst. @public */
export const LEVELS: readonly Level[] = ['gold', 'silver', 'bronze', 'none'];

/** @public */
export type FindingSeverity = 'error' | 'warning';

/**
 * What is wrong with an annotation (or a waiver) and how to fix it. Findings
 * never stop anything: the valid part of the annotation is still used.
 *
 * The message is for people; code that decides something about a finding
 * (hides it, notifies about it, groups it) reads `code`, `params` and
 * `entityRefs`.
 * @public
 */
export interface Finding {
  severity: FindingSeverity;
  /**
   * What kind of finding it is, stable across releases: one of
   * {@link FINDING_CODES}.
   */
  code: FindingCode;
  entityRef: string;
  /** The annotation the finding is about, e.g. `team-insights.io/skills`. */
  annotation?: string;
  message: string;
  /** The values the message was built from, by name (see the code's docs). */
  params?: FindingParams;
  /**
   * The catalog entities (refs, lower case) the finding is about besides
   * `entityRef`, as the engine resolved them, e.g. a declined entity that is
   * not a product; absent when there are none. A ref that is only text the
   * author wrote stays in `params`.
   */
  entityRefs?: string[];
}

/** A time-boxed exception to a check (SPEC §4.5). @public */
export interface Waiver {
  /** Last day the waiver holds, inclusive, `YYYY-MM-DD`. */
  until: string;
  reason: string;
}

/** @public */
export interface CheckResult {
  id: string;
  title: string;
  status: CheckStatus;
  weight: number;
  /** What was found, in numbers and names. */
  message: string;
  /** What to change; may contain a fenced YAML snippet for catalog-info.yaml. */
  remediation?: string;
  /** Present when an active waiver makes this check count as `pass`. */
  waived?: Waiver;
  /**
   * Entity refs the check is about: for a team's documentation checks the
   * owned entities that fail it; for other checks the teams, products or
   * people it names (e.g. hand-over teams).
   */
  entities?: string[];
}

/** @public */
export interface ScorecardResult {
  /** `round(100 * Σ weight·credit / Σ weight)` over applicable checks, or null. */
  score: number | null;
  level: Level | null;
  checks: CheckResult[];
}

/** @public */
export interface SkillHolding {
  /** Skill cluster id. */
  cluster: string;
  /** People who hold the cluster (primary or not), members plus head counts. */
  people: number;
  /** People whose primary cluster it is. */
  primary: number;
}

/** @public */
export interface TeamReport {
  entityRef: string;
  title: string;
  teamType: TeamType;
  /** False when the team type was not declared (or not valid) and defaulted. */
  teamTypeDeclared: boolean;
  /** Members plus head counts. */
  size: number;
  /** User members (direct `memberOf`). */
  members: number;
  /** People declared through the Group's `team-insights.io/skills`. */
  headCount: number;
  /** n(n-1)/2 for the team size n. */
  communicationPaths: number;
  /** Parent group ref, if any. */
  parent?: string;
  /** The organisational units above this team, nearest first. */
  orgUnits: string[];
  /** Required skill clusters, sorted. */
  requiredSkills: string[];
  /** Required clusters nobody holds, sorted. */
  missingSkills: string[];
  /** Held clusters, sorted by cluster id. */
  skills: SkillHolding[];
  /** Entities owned by the team, sorted. */
  owned: string[];
  scorecards: Record<ScorecardId, ScorecardResult>;
  /** Present (true) when `team-insights.io/public-badge` is `true`. */
  publicBadge?: true;
}

/** @public */
export interface RollupScorecard {
  /** Mean of the descendant teams' scores (teams with a null score left out). */
  score: number | null;
  level: Level | null;
  /** Descendant teams per level (teams with a null level are not counted). */
  byLevel: Record<Level, number>;
}

/** @public */
export interface OrgUnitReport {
  entityRef: string;
  title: string;
  parent?: string;
  /** Number of descendant teams. */
  teams: number;
  /** Descendant team refs, sorted. */
  teamRefs: string[];
  scorecards: Record<ScorecardId, RollupScorecard>;
  /** Present (true) when `team-insights.io/public-badge` is `true`. */
  publicBadge?: true;
}

/** @public */
export interface EntityReport {
  entityRef: string;
  kind: string;
  title: string;
  owner?: string;
  product: boolean;
  scorecards: { documentation: ScorecardResult };
  /** Present (true) when `team-insights.io/public-badge` is `true`. */
  publicBadge?: true;
}

/** @public */
export interface ProductReport {
  entityRef: string;
  owner?: string;
  mandatory: boolean;
  concern?: string;
  /** Teams (not the owner) owning an entity that depends on the product. */
  adopters: string[];
  /** Teams that declared the product in `team-insights.io/declined-products`. */
  declinedBy: string[];
  /**
   * Why they declined it, for those of `declinedBy` that said why; absent
   * when none did. The product team's backlog: opt-in means it learns why.
   */
  declineReasons?: DeclineReason[];
  /** Adopters among feature teams / feature teams (0 when there are none). */
  adoptionRate: number;
  /** The product's documentation score (null when nothing applies). */
  documentationScore: number | null;
}

/** @public */
export type ConcernVerdict =
  | 'rebuilt'
  | 'covered'
  | 'centralize-candidate'
  | 'local';

/** Why a team declined a product. @public */
export interface DeclineReason {
  teamRef: string;
  /** As the team wrote it, trimmed, at most 200 characters. */
  reason: string;
}

/** @public */
export interface ConcernReport {
  concern: string;
  /** Non-centralized teams owning a non-product entity with the concern. */
  builtBy: string[];
  /** Products that carry the concern. */
  products: string[];
  /**
   * Those of `builtBy` that declined every product in `products`: they build
   * it themselves by choice. Absent when there are none.
   */
  declined?: string[];
  verdict: ConcernVerdict;
  /**
   * Since when the concern has been a centralize-candidate (ISO 8601), null
   * when it is not one. Only present when evaluated with a timeline.
   */
  candidateSince?: string | null;
  /**
   * A candidate for longer than `thresholds.extractWhenEvidentDays`: evident
   * enough to extract to a centralized team. Only present when evaluated
   * with a timeline.
   */
  evident?: boolean;
}

/** @public */
export interface Report {
  version: 1;
  evaluatedAt: string;
  teams: TeamReport[];
  orgUnits: OrgUnitReport[];
  entities: EntityReport[];
  products: ProductReport[];
  concerns: ConcernReport[];
  findings: Finding[];
}
