import type * as api from '@team-insights/plugin-team-insights-common';
import type { z } from 'zod/v4';
import * as m from './models';

/*
 * The models describe the same values as -common's TypeScript types, which
 * the engine, the backend's services and the frontend program against. This
 * file does its work when `yarn tsc` compiles it: every line below fails to
 * compile when a type and its model name different fields, disagree on
 * whether one is optional, or on what a field holds.
 */

/** The fields of a type, all the way down, without optionality. */
type Fields<T> = T extends readonly (infer U)[]
  ? Fields<U>[]
  : T extends object
  ? { [K in keyof T]-?: Fields<NonNullable<T[K]>> }
  : 'value';

/** True only when A and B are the same type. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B
  ? 1
  : 2
  ? true
  : false;

/** True when the model's values are the type's and have the same fields. */
type Matches<Model extends z.ZodType, Type> = [z.output<Model>] extends [Type]
  ? [Type] extends [z.output<Model>]
    ? Same<Fields<z.output<Model>>, Fields<Type>>
    : false
  : false;

/** Compiles only when `T` is `true`. */
function holds<T extends true>(): T {
  return true as T;
}

/**
 * A finding as the API serves it: `code` may be absent in a report stored
 * by a release before codes existed, and is any code a later release adds.
 */
type ServedFinding = Omit<api.Finding, 'code'> & { code?: string };

const checks = {
  Finding: holds<Matches<typeof m.Finding, ServedFinding>>(),
  CheckResult: holds<Matches<typeof m.CheckResult, api.CheckResult>>(),
  ScorecardResult:
    holds<Matches<typeof m.ScorecardResult, api.ScorecardResult>>(),
  TeamReport: holds<Matches<typeof m.TeamReport, api.TeamReport>>(),
  OrgUnitReport: holds<Matches<typeof m.OrgUnitReport, api.OrgUnitReport>>(),
  EntityReport: holds<Matches<typeof m.EntityReport, api.EntityReport>>(),
  ProductReport: holds<Matches<typeof m.ProductReport, api.ProductReport>>(),
  ConcernReport: holds<Matches<typeof m.ConcernReport, api.ConcernReport>>(),
  ReportResponse:
    holds<
      Matches<
        typeof m.ReportResponse,
        Omit<api.ReportResponse, 'findings'> & { findings: ServedFinding[] }
      >
    >(),
  TeamSummary: holds<Matches<typeof m.TeamSummary, api.TeamSummary>>(),
  TeamsPage: holds<Matches<typeof m.TeamsPage, api.TeamsPage>>(),
  TeamDetailsResponse:
    holds<Matches<typeof m.TeamDetailsResponse, api.TeamDetailsResponse>>(),
  HistoryResponse:
    holds<Matches<typeof m.HistoryResponse, api.HistoryResponse>>(),
  TrendsResponse: holds<Matches<typeof m.TrendsResponse, api.TrendsResponse>>(),
  MoversResponse: holds<Matches<typeof m.MoversResponse, api.MoversResponse>>(),
  ProductsResponse:
    holds<Matches<typeof m.ProductsResponse, api.ProductsResponse>>(),
  ConcernsResponse:
    holds<Matches<typeof m.ConcernsResponse, api.ConcernsResponse>>(),
  ChecksResponse: holds<Matches<typeof m.ChecksResponse, api.ChecksResponse>>(),
  OrgUnitsResponse:
    holds<Matches<typeof m.OrgUnitsResponse, api.OrgUnitsResponse>>(),
  SkillClustersResponse:
    holds<Matches<typeof m.SkillClustersResponse, api.SkillClustersResponse>>(),
  SkillsResponse: holds<Matches<typeof m.SkillsResponse, api.SkillsResponse>>(),
  AdoptionResponse:
    holds<Matches<typeof m.AdoptionResponse, api.AdoptionResponse>>(),
  MyTeamsResponse:
    holds<Matches<typeof m.MyTeamsResponse, api.MyTeamsResponse>>(),
  RefreshResponse:
    holds<Matches<typeof m.RefreshResponse, api.RefreshResponse>>(),
  StaffingResponse:
    holds<Matches<typeof m.StaffingResponse, api.StaffingResponse>>(),
  InitiativesResponse:
    holds<Matches<typeof m.InitiativesResponse, api.InitiativesResponse>>(),
  InitiativeResponse:
    holds<Matches<typeof m.InitiativeResponse, api.InitiativeDetail>>(),
};

describe('the API models', () => {
  it('are checked against -common’s types by the compiler', () => {
    expect(Object.values(checks).every(Boolean)).toBe(true);
  });
});
