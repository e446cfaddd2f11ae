/**
 * Types of the REST API served by the backend under
 * `/api/team-insights/v1`, shared with the frontend client.
 */
import type {
  CheckStatus,
  ConcernReport,
  EntityReport,
  Finding,
  Level,
  OrgUnitReport,
  ProductReport,
  Report,
  ScorecardId,
  SkillHolding,
  TeamReport,
  TeamType,
} from './types';
import type { TeamInsightsConfig } from './config';
import type { StaffingPlan } from './plan/staffing';
import type { DrillDownStatus, TeamCheckStatus } from './report/drilldown';

/** Freshness of what the backend serves. @public */
export interface ReportMeta {
  evaluatedAt: string;
  /** True when the last refresh failed and an older report is served. */
  stale: boolean;
}

/** `GET /report` @public */
export type ReportResponse = Report & { stale: boolean };

/** @public */
export interface ScoreLevel {
  score: number | null;
  level: Level | null;
}

/** One row of `GET /teams`. @public */
export interface TeamSummary {
  entityRef: string;
  title: string;
  teamType: TeamType;
  teamTypeDeclared: boolean;
  size: number;
  parent?: string;
  orgUnits: string[];
  scores: Record<ScorecardId, ScoreLevel>;
  /**
   * The check that costs the most points (weight × missing credit), checks
   * about unreadable annotations last; absent when nothing fails or warns.
   */
  worstCheck?: {
    scorecard: ScorecardId;
    id: string;
    title: string;
    status: CheckStatus;
  };
  /**
   * With `check` in the query: that check's result for the team (for a
   * documentation check, `entities` are the owned entities that fail it).
   */
  check?: TeamCheckStatus;
}

/** Sort keys of `GET /teams`. @public */
export type TeamSortKey =
  | 'title'
  | 'size'
  | 'type'
  | 'composition'
  | 'adoption'
  | 'documentation'
  /** Teams most in need first: any scorecard at bronze or below, then lowest score. */
  | 'need';

/** Every sort key of `GET /teams`; a scorecard sorts by its score. @public */
export const TEAM_SORT_KEYS: readonly TeamSortKey[] = [
  'title',
  'size',
  'type',
  'composition',
  'adoption',
  'documentation',
  'need',
];

/** Query of `GET /teams`. @public */
export interface TeamsQuery {
  type?: TeamType;
  composition?: Level;
  adoption?: Level;
  documentation?: Level;
  /** Only teams below this organisational unit (entity ref). */
  orgUnit?: string;
  /** Case-insensitive text matched against ref and title. */
  q?: string;
  /**
   * A check id (built-in or custom): only teams whose scorecards carry it,
   * each row with its result.
   */
  check?: string;
  /** With `check`: only teams with the check in this status. */
  status?: DrillDownStatus;
  sort?: TeamSortKey;
  order?: 'asc' | 'desc';
  /** 1–500, default 50. */
  limit?: number;
  cursor?: string;
}

/** `GET /teams` @public */
export interface TeamsPage extends ReportMeta {
  items: TeamSummary[];
  /** Teams matching the filters, across all pages. */
  totalCount: number;
  nextCursor?: string;
  /** Teams per level for each scorecard, over the filtered set. */
  levelCounts: Record<ScorecardId, Record<Level | 'n/a', number>>;
}

/** `GET /entities/:kind/:namespace/:name` @public */
export type EntityScorecardsResponse = ReportMeta &
  (
    | { type: 'team'; team: TeamReport; findings: Finding[] }
    | {
        type: 'org-unit';
        orgUnit: OrgUnitReport;
        teams: TeamSummary[];
        findings: Finding[];
      }
    | {
        type: 'entity';
        entity: EntityReport;
        product?: ProductReport;
        findings: Finding[];
      }
  );

/** One day of one scorecard in the history. @public */
export interface HistoryPoint {
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  scorecard: ScorecardId;
  score: number | null;
  level: Level | null;
  failingChecks: string[];
}

/** `GET /entities/:kind/:namespace/:name/history` @public */
export interface HistoryResponse {
  entityRef: string;
  points: HistoryPoint[];
}

/** One day of the organisation's mean score. @public */
export interface TrendPoint {
  day: string;
  scorecard: ScorecardId;
  /** Mean score over the entities scored that day (null when none). */
  score: number | null;
  /** Number of entities that contributed. */
  count: number;
}

/** `GET /trends` @public */
export interface TrendsResponse {
  /**
   * With `orgUnit=`: the org unit the points are about (its own stored
   * score, `count` 1 on a scored day); absent for the organisation's mean.
   */
  orgUnit?: string;
  points: TrendPoint[];
}

/** `GET /products` @public */
export interface ProductsResponse extends ReportMeta {
  items: ProductReport[];
  /** Feature teams the adoption rate is computed over (visible ones). */
  featureTeams: string[];
}

/** `GET /concerns` @public */
export interface ConcernsResponse extends ReportMeta {
  items: ConcernReport[];
}

/** `GET /skill-clusters` @public */
export interface SkillClustersResponse {
  items: Array<{ id: string; title: string; description?: string }>;
  teamTypes: Record<TeamType, { requiredSkills: string[] }>;
}

/** Supply of one skill cluster over the teams a caller may see. @public */
export interface SkillSupply {
  /** Skill cluster id. */
  id: string;
  title: string;
  /** People who hold it, summed over teams. */
  people: number;
  /** People whose primary cluster it is, summed over teams. */
  primary: number;
  /** Teams with at least one person holding it. */
  teams: number;
  /** Teams that require it and have nobody holding it. */
  missingIn: number;
}

/** One team's skill clusters, for the skills view. @public */
export interface TeamSkills {
  entityRef: string;
  title: string;
  teamType: TeamType;
  /** Required clusters, sorted. */
  requiredSkills: string[];
  /** Required clusters nobody holds, sorted. */
  missingSkills: string[];
  /** Held clusters, sorted by cluster id. */
  skills: SkillHolding[];
}

/** `GET /skills` @public */
export interface SkillsResponse extends ReportMeta {
  /** Every cluster, most people first. */
  clusters: SkillSupply[];
  /** The teams the caller may see, by title. */
  teams: TeamSkills[];
}

/** A team that declined a product, and why. @public */
export interface DeclinedBy {
  teamRef: string;
  title: string;
  /** Absent when the team gave no reason. */
  reason?: string;
}

/** One platform product's adoption over the teams a caller may see. @public */
export interface ProductAdoption {
  entityRef: string;
  title: string;
  owner?: string;
  ownerTitle?: string;
  mandatory: boolean;
  concern?: string;
  /** Teams (visible to the caller) that adopt it. */
  adopters: string[];
  /** Teams (visible to the caller) that declined it. */
  declinedBy: string[];
  /**
   * The same teams by title, each with its reason when it gave one: what the
   * product's team learns from a "no". Sorted by title.
   */
  declined: DeclinedBy[];
  /** Adopters among the visible feature teams / visible feature teams. */
  adoptionRate: number;
  /** The product's documentation score and level. */
  documentation: ScoreLevel;
}

/** `GET /adoption` @public */
export interface AdoptionResponse extends ReportMeta {
  /** Products nobody adopts first, then by adoption rate. */
  products: ProductAdoption[];
  /** The feature teams the rates are computed over, by title. */
  featureTeams: Array<{ entityRef: string; title: string }>;
}

/** `POST /refresh` @public */
export interface RefreshResponse {
  status: 'started';
}

/**
 * `GET /v1/planner/config`: what the portal's planner scores a draft with.
 * @public
 */
export interface PlannerConfigResponse {
  config: TeamInsightsConfig;
  /**
   * Checks the backend runs that the portal cannot: custom checks exist only
   * in the backend, so a draft is scored without them.
   */
  notPreviewed: Array<{ id: string; title: string; scorecard: ScorecardId }>;
}

/**
 * Which teams `GET /v1/staffing` staffs: a team, an org unit's teams, or
 * (neither) the whole organisation.
 * @public
 */
export interface StaffingQuery {
  team?: string;
  orgUnit?: string;
  limit?: number;
}

/**
 * `GET /v1/staffing`: suggestions with the report they are based on.
 * @public
 */
export interface StaffingResponse extends StaffingPlan {
  evaluatedAt: string;
  method: 'greedy';
}

/** How a team is the caller's, in `GET /my-teams`. @public */
export type MyTeamRelation = 'member' | 'org-unit';

/** A scorecard of one of the caller's teams, now and a week ago. @public */
export interface MyTeamScoreChange extends ScoreLevel {
  /** Score on the day the change is counted from; null when unknown. */
  previousScore: number | null;
  /** Level on the day the change is counted from; null when unknown. */
  previousLevel: Level | null;
  /** Score now minus the score then, to one decimal; null when either is unknown. */
  delta: number | null;
}

/** One of the caller's teams, in `GET /my-teams`. @public */
export interface MyTeam {
  entityRef: string;
  title: string;
  teamType: TeamType;
  /**
   * `member`: the team itself is one of the caller's ownership refs (the
   * caller belongs to it or it is the caller's own group); `org-unit`: the
   * team sits under one of those groups.
   */
  relation: MyTeamRelation;
  /** The ownership ref that made the team the caller's. */
  via: string;
  scores: Record<ScorecardId, MyTeamScoreChange>;
}

/** `GET /my-teams` @public */
export interface MyTeamsResponse extends ReportMeta {
  /** The caller's teams they may see: their own teams first, then by title. */
  items: MyTeam[];
  /** The caller's teams they may see, across the limit. */
  totalCount: number;
  /** The day (`YYYY-MM-DD`, UTC) the changes are counted from. */
  since: string;
}
