/**
 * An example custom check for Team Insights, written once: the backend
 * module (the default export) adds it to the portal's scorecards, and the
 * CLI runs the same `checks` with `team-insights score --checks …`.
 *
 * @packageDocumentation
 */

export { teamInsightsModuleExampleChecks as default } from './module';
export { checks } from './checks';
export { onCallCheck } from './onCallCheck';
