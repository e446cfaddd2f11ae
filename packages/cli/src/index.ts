/**
 * The `team-insights` command line: lint and score Backstage catalog files
 * with Team Insights, offline, for editors and CI.
 *
 * @packageDocumentation
 */

export { main } from './main';
export type { CliIo } from './io';
