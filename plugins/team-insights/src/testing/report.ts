import type {
  EntityReport,
  Report,
  TeamReport,
} from '@team-insights/plugin-team-insights-common';
import generated from './report.generated.json';

/*
 * The report of a small machine-learning organisation, as the backend serves
 * it: what the engine makes of the catalog in fixtureCatalog.ts. The JSON is
 * written by `yarn fixture:generate`; report.test.ts fails when it is stale.
 */

/** The whole fixture report, as `GET /report` serves it (without `stale`). */
export const fixtureReport: Report = generated as unknown as Report;

/** The teams of the fixture, sorted by ref. */
export const fixtureTeams: TeamReport[] = fixtureReport.teams;

/** The documented entities of the fixture, sorted by ref. */
export const fixtureEntities: EntityReport[] = fixtureReport.entities;
