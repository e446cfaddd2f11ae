import type { TeamInsightsCheck } from '@team-insights/plugin-team-insights-common';

/**
 * A team can share an on-call rotation only with at least three people.
 *
 * @public
 */
export const onCallCheck: TeamInsightsCheck = {
  id: 'composition.on-call',
  scorecard: 'composition',
  title: 'Someone is on call',
  description:
    'The team has at least three people to share an on-call rotation.',
  rationale:
    'Site reliability is a skill cluster of its own; a rotation needs people.',
  weight: 1,
  evaluate(context) {
    if (context.subject !== 'team') {
      return { status: 'not-applicable', message: '' };
    }
    const { size } = context.team;
    return size >= 3
      ? { status: 'pass', message: `${size} people can share the pager.` }
      : {
          status: 'fail',
          message: `${size} people cannot run a humane rotation.`,
          remediation:
            'Grow the team or hand the service to a team that can run it.',
        };
  },
};
