import {
  CheckStatus,
  ConcernVerdict,
  Level,
  LEVELS,
  SCORECARD_IDS,
  ScorecardId,
  TeamType,
} from '@team-insights/plugin-team-insights-common';

/** The three scorecards, in the order every view shows them. */
export const SCORECARDS: readonly ScorecardId[] = SCORECARD_IDS;

/** Levels from best to worst. */
export const LEVEL_ORDER: readonly Level[] = LEVELS;

export { SCORECARD_TITLES } from '@team-insights/plugin-team-insights-common';

export const SCORECARD_DESCRIPTIONS: Record<ScorecardId, string> = {
  composition:
    'Skill clusters held against those required, team size and the communication paths it brings, single points of failure and hand-overs.',
  adoption:
    'Centralized teams: products, not tasks; opt-in; self-service; no communication needed. Feature teams: reuse of those products instead of rebuilding them.',
  documentation:
    'Description, owner, TechDocs, source, lifecycle, system, links, tags and API definitions of the entities a team owns.',
};

export const TEAM_TYPE_LABELS: Record<TeamType, string> = {
  feature: 'Feature team',
  centralized: 'Centralized team',
  expertise: 'Expertise team',
};

export const LEVEL_LABELS: Record<Level, string> = {
  gold: 'Gold',
  silver: 'Silver',
  bronze: 'Bronze',
  none: 'Below bronze',
};

export const STATUS_LABELS: Record<CheckStatus, string> = {
  pass: 'Pass',
  warn: 'Warning',
  fail: 'Fail',
  'not-applicable': 'Not applicable',
};

export const VERDICT_LABELS: Record<ConcernVerdict, string> = {
  rebuilt: 'Rebuilt although a product covers it',
  'centralize-candidate': 'Candidate for a centralized team',
  covered: 'Covered by a product',
  local: 'Built locally',
};

/** `data-scientist` → `Data scientist`; unknown ids stay readable. */
export function humanizeId(id: string): string {
  const words = id.replace(/[-_.]+/g, ' ').trim();
  return words.charAt(0).toLocaleUpperCase('en-US') + words.slice(1);
}

/** `0.25` → `25 %`. */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** An ISO timestamp as the reader's locale shows dates and times. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return date.toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}
