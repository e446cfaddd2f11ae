import type { TeamInsightsConfig } from '../config';
import type { OrganisationModel, TeamInfo } from '../model';
import { rollUp } from '../scoring';
import { type OrgUnitReport, SCORECARD_IDS, type TeamReport } from '../types';
import { compareStrings, sortedUnique } from '../util';

/** The organisational units' reports: roll-ups of their descendant teams. */
export function orgUnitReports(
  teams: TeamInfo[],
  teamReports: TeamReport[],
  model: OrganisationModel,
  config: TeamInsightsConfig,
  publicBadge: (ref: string) => { publicBadge?: true },
): OrgUnitReport[] {
  const descendants = new Map<string, string[]>();
  for (const team of teams) {
    for (const unit of team.orgUnits) {
      const list = descendants.get(unit);
      if (list) list.push(team.entityRef);
      else descendants.set(unit, [team.entityRef]);
    }
  }
  const teamReportByRef = new Map(teamReports.map(t => [t.entityRef, t]));
  return model.orgUnitRefs
    .slice()
    .sort(compareStrings)
    .map(ref => {
      const teamRefs = sortedUnique(descendants.get(ref) ?? []);
      const reports = teamRefs.map(r => teamReportByRef.get(r)!);
      const scorecards = {} as OrgUnitReport['scorecards'];
      for (const id of SCORECARD_IDS) {
        scorecards[id] = rollUp(
          reports.map(r => r.scorecards[id]),
          config,
        );
      }
      const parent = model.parentOf(ref);
      return {
        entityRef: ref,
        title: model.titleOf(ref),
        ...(parent ? { parent } : {}),
        teams: teamRefs.length,
        teamRefs,
        scorecards,
        ...publicBadge(ref),
      };
    });
}
