import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { TeamInsightsCheck } from '@team-insights/plugin-team-insights-common';

/**
 * Lets backend modules add their own checks to the Team Insights scorecards.
 *
 * @remarks
 *
 * The checks run inside the same engine as the built-in ones: waivers,
 * scores, levels and organisational roll-ups apply to them, and they show in
 * every view of the report.
 *
 * @public
 */
export interface TeamInsightsChecksExtensionPoint {
  /** Adds checks; call it from a module's `init`. */
  addChecks(...checks: TeamInsightsCheck[]): void;
}

/**
 * Extension point of the `team-insights` backend plugin for custom checks.
 *
 * @example
 * ```ts
 * export default createBackendModule({
 *   pluginId: 'team-insights',
 *   moduleId: 'on-call-check',
 *   register(reg) {
 *     reg.registerInit({
 *       deps: { checks: teamInsightsChecksExtensionPoint },
 *       async init({ checks }) {
 *         checks.addChecks(onCallCheck);
 *       },
 *     });
 *   },
 * });
 * ```
 *
 * @public
 */
export const teamInsightsChecksExtensionPoint =
  createExtensionPoint<TeamInsightsChecksExtensionPoint>({
    id: 'team-insights.checks',
  });
