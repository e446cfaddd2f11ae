/**
 * The `team-insights` command line: lint and score Backstage catalog files
 * with Team Insights, offline, for editors and CI.
 *
 * @packageDocumentation
 */

export { main } from './main';
export type { CliIo } from './io';
export { attachRelations, emitRelations } from './catalog/relations';
export type { EmittedRelation } from './catalog/relations';
