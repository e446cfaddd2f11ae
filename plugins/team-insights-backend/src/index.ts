/**
 * The Team Insights backend plugin.
 *
 * @packageDocumentation
 */

export { teamInsightsPlugin as default } from './plugin';
