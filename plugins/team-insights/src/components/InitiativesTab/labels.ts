import type {
  InitiativePhase,
  InitiativeTarget,
} from '@team-insights/plugin-team-insights-common';

export const PHASE_LABELS: Record<InitiativePhase, string> = {
  upcoming: 'Not started',
  active: 'In progress',
  ended: 'Ended',
};

/** "Silver or better on Composition", "3 checks pass". */
export function describeTarget(target: InitiativeTarget): string {
  if ('scorecard' in target) {
    const level =
      target.level[0].toLocaleUpperCase('en-US') + target.level.slice(1);
    const card =
      target.scorecard[0].toLocaleUpperCase('en-US') +
      target.scorecard.slice(1);
    return `${level} or better on ${card}`;
  }
  return target.checks.length === 1
    ? `${target.checks[0]} passes`
    : `${target.checks.length} checks pass: ${target.checks.join(', ')}`;
}
