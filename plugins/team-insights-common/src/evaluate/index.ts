import type { Entity } from '@backstage/catalog-model';
import { BUILT_IN_CHECK_IDS } from '../catalogue';
import type { TeamTiming } from '../checks/adoption';
import { documentationChecks } from '../checks/documentation';
import { defaultTeamInsightsConfig, TeamInsightsConfig } from '../config';
import type { TeamInsightsCheck } from '../customChecks';
import { sortFindings } from '../lint';
import { OrganisationModel } from '../model';
import { toScorecard } from '../scoring';
import {
  CheckResult,
  EntityReport,
  Finding,
  ProductReport,
  Report,
  ScorecardId,
  TeamReport,
} from '../types';
import {
  advanceTimeline,
  centralizedDemand,
  longerThan,
  own,
  TeamInsightsTimeline,
} from '../timeline';
import { compareStrings } from '../util';
import { runCustomCheck, usableCustomChecks } from './customChecks';
import { applyWaivers } from './waivers';
import { productReport } from './products';
import { concernReports } from './concerns';
import { dedupeFindings } from './ordering';
import { documentationTemplates } from './documentation';
import { orgUnitReports } from './orgUnits';
import { type TeamEvaluation, teamReport } from './teams';

export { assertValidCustomChecks, validateCustomChecks } from './customChecks';
export { applyWaivers } from './waivers';

/**
 * Options of {@link evaluate}.
 * @public
 */
export interface EvaluateOptions {
  /** Defaults to {@link defaultTeamInsightsConfig}. */
  config?: TeamInsightsConfig;
  /** "Now" for waivers and `evaluatedAt`; defaults to the current time. */
  now?: Date;
  /** Checks added by backend modules (SPEC §4.4). */
  customChecks?: TeamInsightsCheck[];
  /**
   * What earlier evaluations saw (SPEC §5.3): when concerns became
   * centralize-candidates, when teams became centralized. Without it the
   * timing rules cannot be judged: `adoption.not-too-early` is not
   * applicable and concerns carry no `candidateSince` / `evident`. Entries
   * missing from it count as first seen `now`.
   */
  timeline?: TeamInsightsTimeline;
}

/**
 * Evaluates the whole organisation (SPEC §3–§5): every team's composition,
 * adoption and documentation scorecards, organisational-unit roll-ups,
 * entity documentation scorecards, products and their adoption, cross-cutting
 * concerns, and the findings about annotations.
 *
 * Pure and deterministic: the same entities (in any order) give a report that
 * is byte-identical apart from `evaluatedAt`. Reads only the fields listed in
 * {@link TEAM_INSIGHTS_ENTITY_FIELDS}. Linear in entities + relations. Never
 * throws on odd input: malformed entities are skipped or reported as findings.
 * @public
 */
export function evaluate(
  entities: Entity[],
  options: EvaluateOptions = {},
): Report {
  const config = options.config ?? defaultTeamInsightsConfig;
  const now = options.now ?? new Date();
  const customChecks = usableCustomChecks(options.customChecks);
  const checkIds = [...BUILT_IN_CHECK_IDS, ...customChecks.map(c => c.id)];
  const model = new OrganisationModel(
    Array.isArray(entities) ? entities : [],
    config,
    { config, now, checkIds },
  );

  const findings: Finding[] = [];
  const annotationFindings = new Map<string, Finding[]>();
  const addFinding = (finding: Finding) => {
    findings.push(finding);
    const list = annotationFindings.get(finding.entityRef);
    if (list) list.push(finding);
    else annotationFindings.set(finding.entityRef, [finding]);
  };
  for (const a of model.annotations.values()) a.findings.forEach(addFinding);
  model.contextFindings.forEach(addFinding);
  const findingsOf = (ref: string) => annotationFindings.get(ref) ?? [];
  const publicBadge = (ref: string): { publicBadge?: true } =>
    model.annotations.get(ref)?.publicBadge === true
      ? { publicBadge: true }
      : {};
  const checkFindings: Finding[] = [];

  const customOf = (scorecard: ScorecardId) =>
    customChecks.filter(c => c.scorecard === scorecard);

  // documentation of every Component, API, Resource, System and Domain
  const entityChecks = new Map<string, CheckResult[]>();
  const entityReports: EntityReport[] = [];
  const docsCustom = customOf('documentation');
  const compositionCustom = customOf('composition');
  const adoptionCustom = customOf('adoption');
  for (const view of Array.from(model.documentables.values()).sort((a, b) =>
    compareStrings(a.entityRef, b.entityRef),
  )) {
    const checks = documentationChecks(view, model, config);
    for (const check of docsCustom) {
      checks.push(
        runCustomCheck(
          check,
          { subject: 'entity', entity: view, org: model, config },
          view.entityRef,
          config,
          checkFindings,
        ),
      );
    }
    applyWaivers(checks, model.annotations.get(view.entityRef)!.waivers);
    entityChecks.set(view.entityRef, checks);
    const report: EntityReport = {
      entityRef: view.entityRef,
      kind: view.kind,
      title: view.title,
      ...(view.owner ? { owner: view.owner } : {}),
      product: view.product,
      scorecards: { documentation: toScorecard(checks, config) },
      ...publicBadge(view.entityRef),
    };
    entityReports.push(report);
  }
  const docsTemplates = documentationTemplates(docsCustom, config);
  const docScoreByRef = new Map(
    entityReports.map(e => [e.entityRef, e.scorecards.documentation.score]),
  );

  const teams = model.teams();

  // products and their adoption
  const featureTeams = new Set(
    teams.filter(t => t.teamType === 'feature').map(t => t.entityRef),
  );
  const products: ProductReport[] = model
    .products()
    .map(view => productReport(view, model, featureTeams, docScoreByRef));

  let concerns = concernReports(model, config);

  // the timing rules (SPEC §5.3), judged only when a timeline is given
  let timingOf: (ref: string) => TeamTiming | undefined = () => undefined;
  if (options.timeline) {
    const input = { teams, products, concerns };
    const timeline = advanceTimeline(options.timeline, input, now);
    const demand = centralizedDemand(input);
    concerns = concerns.map(c => {
      const since = own(timeline.concerns, c.concern)?.candidateSince ?? null;
      return {
        ...c,
        candidateSince: since,
        evident:
          since !== null &&
          longerThan(since, config.thresholds.extractWhenEvidentDays, now),
      };
    });
    timingOf = ref => {
      const entry = own(timeline.centralizedTeams, ref);
      return entry
        ? {
            now,
            entry,
            featureTeamsNow: demand.get(ref)?.featureTeams ?? 0,
            products: timeline.products,
          }
        : undefined;
    };
  }

  // teams
  const teamEvaluation: TeamEvaluation = {
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
  };
  const teamReports: TeamReport[] = teams.map(team =>
    teamReport(team, teamEvaluation),
  );

  // organisational units: roll-ups of their descendant teams
  const orgUnits = orgUnitReports(
    teams,
    teamReports,
    model,
    config,
    publicBadge,
  );

  const allFindings = sortFindings(
    dedupeFindings([...findings, ...checkFindings]),
  );
  return {
    version: 1,
    evaluatedAt: now.toISOString(),
    teams: teamReports,
    orgUnits,
    entities: entityReports,
    products,
    concerns,
    findings: allFindings,
  };
}
