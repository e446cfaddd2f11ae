import type { TeamInsightsCheck } from '@team-insights/plugin-team-insights-common';
import { onCallCheck } from './onCallCheck';

/**
 * Every check of this package: what the backend module adds and what
 * `team-insights --checks` loads.
 *
 * @public
 */
export const checks: TeamInsightsCheck[] = [onCallCheck];
