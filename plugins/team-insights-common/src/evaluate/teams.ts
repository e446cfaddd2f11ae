import type { TeamTiming } from '../checks/adoption';
import { adoptionChecks } from '../checks/adoption';
import { compositionChecks } from '../checks/composition';
import type { TeamInsightsConfig } from '../config';
import type {
  TeamInsightsCheck,
  TeamInsightsCheckContext,
} from '../customChecks';
import type { OrganisationModel, TeamInfo } from '../model';
import { toScorecard } from '../scoring';
import type { CheckResult, Finding, TeamReport } from '../types';
import { communicationPaths } from '../util';
import { runCustomCheck } from './customChecks';
import { type DocumentationTemplate, teamDocumentation } from './documentation';
import { applyWaivers } from './waivers';

/** What {@link teamReport} needs from the rest of the evaluation. */
export interface TeamEvaluation {
  model: OrganisationModel;
  config: TeamInsightsConfig;
  /** The annotation findings about an entity. */
  findingsOf: (ref: string) => Finding[];
  /** The documentation score of each documented entity. */
  docScoreByRef: Map<string, number | null>;
  /** What the timeline knows about a centralized team, when given one. */
  timingOf: (ref: string) => TeamTiming | undefined;
  compositionCustom: TeamInsightsCheck[];
  adoptionCustom: TeamInsightsCheck[];
  /** The documentation checks of each documented entity. */
  entityChecks: Map<string, CheckResult[]>;
  docsTemplates: DocumentationTemplate[];
  /** Where custom checks report what went wrong with them. */
  checkFindings: Finding[];
  publicBadge: (ref: string) => { publicBadge?: true };
}

/** One team's report: its composition, adoption and documentation scorecards. */
export function teamReport(
  team: TeamInfo,
  {
    model,
    config,
    findingsOf,
    docScoreByRef,
    timingOf,
    compositionCustom,
    adoptionCustom,
    entityChecks,
    docsTemplates,
    checkFindings,
    publicBadge,
  }: TeamEvaluation,
): TeamReport {
  const waivers = team.annotations.waivers;
  const composition = compositionChecks(team, model, config, findingsOf);
  const adoption = adoptionChecks(
    team,
    model,
    config,
    ref => docScoreByRef.get(ref) ?? null,
    timingOf(team.entityRef),
  );
  const context: TeamInsightsCheckContext = {
    subject: 'team',
    team,
    org: model,
    config,
  };
  for (const check of compositionCustom) {
    composition.push(
      runCustomCheck(check, context, team.entityRef, config, checkFindings),
    );
  }
  for (const check of adoptionCustom) {
    adoption.push(
      runCustomCheck(check, context, team.entityRef, config, checkFindings),
    );
  }
  applyWaivers(composition, waivers);
  applyWaivers(adoption, waivers);
  const documentation = teamDocumentation(
    team,
    entityChecks,
    docsTemplates,
    docScoreByRef,
    config,
  );

  const held = new Set(
    team.skills.filter(s => s.people > 0).map(s => s.cluster),
  );
  const report: TeamReport = {
    entityRef: team.entityRef,
    title: team.title,
    teamType: team.teamType,
    teamTypeDeclared: team.teamTypeDeclared,
    size: team.size,
    members: team.members.length,
    headCount: team.size - team.members.length,
    communicationPaths: communicationPaths(team.size),
    ...(team.parent ? { parent: team.parent } : {}),
    orgUnits: team.orgUnits,
    requiredSkills: team.requiredSkills,
    missingSkills: team.requiredSkills.filter(c => !held.has(c)),
    skills: team.skills,
    owned: team.owned,
    scorecards: {
      composition: toScorecard(composition, config),
      adoption: toScorecard(adoption, config),
      documentation,
    },
    ...publicBadge(team.entityRef),
  };
  return report;
}
