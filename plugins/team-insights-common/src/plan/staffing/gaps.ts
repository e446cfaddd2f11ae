import { TeamInfo } from '../../model';
import { compareStrings } from '../../util';
import { StaffingGap } from './types';

export function holdersOf(team: TeamInfo, cluster: string) {
  return team.skills.find(s => s.cluster === cluster)?.people ?? 0;
}

export function weight(gaps: StaffingGap[]) {
  return gaps.reduce((n, g) => n + (g.gap === 'missing' ? 2 : 1), 0);
}

function key(g: StaffingGap) {
  return `${g.team}\u0000${g.cluster}\u0000${g.gap}`;
}

/**
 * Gaps before that are not gaps after; a missing cluster that one person
 * covers is closed, even if it is a single point of failure now.
 */
export function closedGaps(before: StaffingGap[], after: StaffingGap[]) {
  const still = new Set(after.map(key));
  return before.filter(g => !still.has(key(g)));
}

/** Whether a team has a gap after that it did not have before. */
export function opensGap(before: StaffingGap[], after: StaffingGap[]) {
  const had = new Set(before.map(key));
  return after.some(g => !had.has(key(g)));
}

export function describe(
  gaps: StaffingGap[],
  role: (cluster: string) => string,
) {
  return gaps
    .map(g =>
      g.gap === 'missing'
        ? `its missing ${role(g.cluster)}`
        : `its single point of failure in ${role(g.cluster)}`,
    )
    .join(' and ');
}

export function headCountDeclaration(headCounts: Record<string, number>) {
  return Object.keys(headCounts)
    .sort(compareStrings)
    .map(cluster => `${cluster}=${headCounts[cluster]}`)
    .join(', ');
}
