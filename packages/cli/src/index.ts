/**
 * The `team-insights` command line: lint and score Backstage catalog files
 * with Team Insights, offline, for editors and CI.
 *
 * @packageDocumentation
 */

export { main } from './main';
export type { CliIo } from './io';
// the catalog's relation rules live in -common, where the planner uses them too
export {
  attachRelations,
  emitRelations,
} from '@team-insights/plugin-team-insights-common';
export type { EmittedRelation } from '@team-insights/plugin-team-insights-common';
