import type { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { BUILT_IN_CHECKS, BUILT_IN_CHECK_IDS } from './catalogue';
import { adoptionChecks, TeamTiming } from './checks/adoption';
import { compositionChecks } from './checks/composition';
import {
  documentationChecks,
  teamDocumentationCheck,
} from './checks/documentation';
import {
  defaultTeamInsightsConfig,
  TeamInsightsConfig,
  weightOf,
} from './config';
import type {
  CheckOutcome,
  EntityView,
  TeamInsightsCheck,
  TeamInsightsCheckContext,
} from './customChecks';
import { newFinding } from './findingCodes';
import { sortFindings } from './lint';
import { OrganisationModel, TeamInfo } from './model';
import type { ParsedWaiver } from './parsers';
import {
  levelOf,
  meanScore,
  orderCheck,
  rollUp,
  scoreChecks,
  toScorecard,
} from './scoring';
import {
  CheckResult,
  CheckStatus,
  ConcernReport,
  ConcernVerdict,
  EntityReport,
  Finding,
  OrgUnitReport,
  ProductReport,
  Report,
  SCORECARD_IDS,
  ScorecardId,
  ScorecardResult,
  TeamReport,
} from './types';
import {
  advanceTimeline,
  centralizedDemand,
  longerThan,
  own,
  TeamInsightsTimeline,
} from './timeline';
import {
  communicationPaths,
  compareStrings,
  isPrototypeKey,
  sortedUnique,
} from './util';

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

const STATUSES: readonly CheckStatus[] = [
  'pass',
  'warn',
  'fail',
  'not-applicable',
];
const CHECK_ID =
  /^[a-z0-9]+(?:[-_][a-z0-9]+)*(?:\.[a-z0-9]+(?:[-_][a-z0-9]+)*)+$/;

/**
 * Problems with custom checks: ids that are not `scorecard.name` slugs, that
 * repeat a built-in or another custom check, unknown scorecards, weights that
 * are not finite numbers ≥ 0, or a missing evaluate function. Empty when all
 * are valid.
 * @public
 */
export function validateCustomChecks(
  checks: readonly TeamInsightsCheck[],
): string[] {
  const problems: string[] = [];
  const seen = new Set<string>(BUILT_IN_CHECK_IDS);
  for (const check of checks) {
    const id = typeof check?.id === 'string' ? check.id : '';
    if (!CHECK_ID.test(id) || id.length > 100 || isPrototypeKey(id)) {
      problems.push(
        `custom check id '${id.slice(
          0,
          100,
        )}' must be lower-case words separated by a dot, e.g. 'composition.on-call-rotation'`,
      );
      continue;
    }
    if (seen.has(id)) {
      problems.push(`custom check id '${id}' is already taken`);
      continue;
    }
    seen.add(id);
    if (!SCORECARD_IDS.includes(check.scorecard)) {
      problems.push(
        `custom check '${id}' has unknown scorecard '${String(
          check.scorecard,
        )}'; use ${SCORECARD_IDS.join(', ')}`,
      );
    }
    if (
      typeof check.weight !== 'number' ||
      !Number.isFinite(check.weight) ||
      check.weight < 0
    ) {
      problems.push(`custom check '${id}' needs a weight ≥ 0`);
    }
    if (typeof check.evaluate !== 'function') {
      problems.push(`custom check '${id}' has no evaluate function`);
    }
    if (typeof check.title !== 'string' || !check.title.trim()) {
      problems.push(`custom check '${id}' needs a title`);
    }
  }
  return problems;
}

/**
 * Like {@link validateCustomChecks}, but throws an InputError listing the
 * problems. For the extension point, at startup.
 * @public
 */
export function assertValidCustomChecks(
  checks: readonly TeamInsightsCheck[],
): void {
  const problems = validateCustomChecks(checks);
  if (problems.length) {
    throw new InputError(
      `Invalid Team Insights checks: ${problems.join('; ')}`,
    );
  }
}

function usableCustomChecks(
  checks: readonly TeamInsightsCheck[] | undefined,
): TeamInsightsCheck[] {
  const usable: TeamInsightsCheck[] = [];
  const seen = new Set<string>();
  for (const check of checks ?? []) {
    if (validateCustomChecks([check]).length) continue;
    if (seen.has(check.id)) continue;
    seen.add(check.id);
    usable.push(check);
  }
  return usable.sort((a, b) => compareStrings(a.id, b.id));
}

function runCustomCheck(
  check: TeamInsightsCheck,
  context: TeamInsightsCheckContext,
  subjectRef: string,
  config: TeamInsightsConfig,
  findings: Finding[],
): CheckResult {
  const weight = weightOf(config, check.id, check.weight);
  const notApplicable = (message: string): CheckResult => ({
    id: check.id,
    title: check.title,
    status: 'not-applicable',
    weight,
    message,
  });
  let outcome: CheckOutcome;
  try {
    outcome = check.evaluate(context);
  } catch (error) {
    const reason =
      error instanceof Error ? `${error.name}: ${error.message}` : 'an error';
    findings.push(
      newFinding({
        code: 'check.failed',
        entityRef: subjectRef,
        message: `check '${check.id}' could not be evaluated (${reason.slice(
          0,
          300,
        )}); it is reported as not applicable`,
        params: { checkId: check.id, reason: reason.slice(0, 300) },
      }),
    );
    return notApplicable('The check could not be evaluated.');
  }
  if (
    !outcome ||
    !STATUSES.includes(outcome.status) ||
    typeof outcome.message !== 'string'
  ) {
    findings.push(
      newFinding({
        code: 'check.invalid-result',
        entityRef: subjectRef,
        message: `check '${check.id}' returned no valid status and message; it is reported as not applicable`,
        params: { checkId: check.id },
      }),
    );
    return notApplicable('The check returned no valid result.');
  }
  const result: CheckResult = {
    id: check.id,
    title: check.title,
    status: outcome.status,
    weight,
    message: outcome.message.slice(0, 4000),
  };
  if (typeof outcome.remediation === 'string' && outcome.remediation) {
    result.remediation = outcome.remediation.slice(0, 8000);
  }
  if (Array.isArray(outcome.entities) && outcome.entities.length) {
    result.entities = sortedUnique(
      outcome.entities.filter(e => typeof e === 'string'),
    );
  }
  return result;
}

/** Marks the checks an active waiver covers as waived (they count as a pass). */
export function applyWaivers(checks: CheckResult[], waivers: ParsedWaiver[]) {
  if (waivers.length === 0) return;
  for (let i = 0; i < checks.length; i++) {
    const check = checks[i];
    if (check.status === 'not-applicable') continue;
    const waiver = waivers.find(w => w.active && w.checkId === check.id);
    if (waiver) {
      checks[i] = orderCheck({
        ...check,
        waived: { until: waiver.until, reason: waiver.reason },
      });
    }
  }
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
  const teamReports: TeamReport[] = [];
  for (const team of teams) {
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
    teamReports.push(report);
  }

  // organisational units: roll-ups of their descendant teams
  const descendants = new Map<string, string[]>();
  for (const team of teams) {
    for (const unit of team.orgUnits) {
      const list = descendants.get(unit);
      if (list) list.push(team.entityRef);
      else descendants.set(unit, [team.entityRef]);
    }
  }
  const teamReportByRef = new Map(teamReports.map(t => [t.entityRef, t]));
  const orgUnits: OrgUnitReport[] = model.orgUnitRefs
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

function dedupeFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  const result: Finding[] = [];
  for (const f of findings) {
    const key = JSON.stringify([
      f.severity,
      f.entityRef,
      f.annotation ?? '',
      f.message,
    ]);
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(f);
  }
  return result;
}

function productReport(
  view: EntityView,
  model: OrganisationModel,
  featureTeams: Set<string>,
  docScoreByRef: Map<string, number | null>,
): ProductReport {
  const adopters = model.adoptersOf(view.entityRef);
  const owners = model.ownerRefs(view.entityRef);
  // feature teams other than the owner: the adoption rate's denominator
  const eligible =
    featureTeams.size - owners.filter(o => featureTeams.has(o)).length;
  const adoptedBy = adopters.filter(t => featureTeams.has(t)).length;
  const report: ProductReport = {
    entityRef: view.entityRef,
    mandatory: view.mandatory,
    adopters,
    declinedBy: model.declinersOf(view.entityRef),
    adoptionRate:
      eligible > 0 ? Math.round((adoptedBy / eligible) * 10000) / 10000 : 0,
    documentationScore: docScoreByRef.get(view.entityRef) ?? null,
  };
  if (view.owner) report.owner = view.owner;
  if (view.concern) report.concern = view.concern;
  const reasons = model.declineReasonsOf(view.entityRef);
  if (reasons.length) report.declineReasons = reasons;
  return orderKeys(report, [
    'entityRef',
    'owner',
    'mandatory',
    'concern',
    'adopters',
    'declinedBy',
    'declineReasons',
    'adoptionRate',
    'documentationScore',
  ]);
}

function orderKeys<T extends object>(value: T, keys: Array<keyof T>): T {
  const result = {} as T;
  for (const key of keys) {
    if (value[key] !== undefined) result[key] = value[key];
  }
  return result;
}

/** The teams that declined every one of the products. */
function declinedAll(
  model: OrganisationModel,
  teams: string[],
  products: string[],
): string[] {
  if (!products.length) return [];
  const decliners = products.map(p => new Set(model.declinersOf(p)));
  return teams.filter(team => decliners.every(set => set.has(team)));
}

function concernReports(
  model: OrganisationModel,
  config: TeamInsightsConfig,
): ConcernReport[] {
  const builtBy = new Map<string, Set<string>>();
  const products = new Map<string, Set<string>>();
  const ensure = (map: Map<string, Set<string>>, key: string) => {
    let set = map.get(key);
    if (!set) {
      set = new Set();
      map.set(key, set);
    }
    return set;
  };
  for (const view of model.documentables.values()) {
    if (!view.concern) continue;
    if (view.product) {
      ensure(products, view.concern).add(view.entityRef);
      ensure(builtBy, view.concern);
      continue;
    }
    const set = ensure(builtBy, view.concern);
    ensure(products, view.concern);
    for (const owner of model.ownerRefs(view.entityRef)) {
      const team = model.teamsByRef.get(owner);
      if (team && team.teamType !== 'centralized') set.add(owner);
    }
  }
  return Array.from(builtBy.keys())
    .sort(compareStrings)
    .map(concern => {
      const teams = sortedUnique(builtBy.get(concern)!);
      const covering = sortedUnique(products.get(concern) ?? []);
      let verdict: ConcernVerdict;
      if (covering.length) verdict = teams.length ? 'rebuilt' : 'covered';
      else if (teams.length >= config.centralizeCandidateTeams) {
        verdict = 'centralize-candidate';
      } else verdict = 'local';
      const declined = declinedAll(model, teams, covering);
      return {
        concern,
        builtBy: teams,
        products: covering,
        ...(declined.length ? { declined } : {}),
        verdict,
      };
    });
}

interface DocumentationTemplate {
  id: string;
  title: string;
  weight: number;
}

/** The documentation checks, built-in then custom, as every entity has them. */
function documentationTemplates(
  custom: TeamInsightsCheck[],
  config: TeamInsightsConfig,
): DocumentationTemplate[] {
  return [
    ...BUILT_IN_CHECKS.filter(c => c.scorecard === 'documentation'),
    ...custom,
  ].map(c => ({
    id: c.id,
    title: c.title,
    weight: weightOf(config, c.id, c.weight),
  }));
}

/**
 * A team's documentation scorecard: the score is the mean of its owned
 * entities' scores; each check reports the pass rate across them.
 */
function teamDocumentation(
  team: TeamInfo,
  entityChecks: Map<string, CheckResult[]>,
  templates: DocumentationTemplate[],
  docScoreByRef: Map<string, number | null>,
  config: TeamInsightsConfig,
): ScorecardResult {
  const owned = team.owned.filter(r => entityChecks.has(r));
  if (owned.length === 0) {
    return { score: null, level: null, checks: [] };
  }
  const teamWaivers = team.annotations.waivers.filter(w => w.active);
  const checks = templates.map((template, position) =>
    teamDocumentationCheck(
      template,
      owned,
      ref => {
        // every entity's checks come in the templates' order
        const list = entityChecks.get(ref)!;
        return list[position]?.id === template.id
          ? list[position]
          : list.find(c => c.id === template.id);
      },
      config,
    ),
  );
  applyWaivers(checks, teamWaivers);
  const waivedIds = new Set(checks.filter(c => c.waived).map(c => c.id));
  const scores = owned.map(ref => {
    if (waivedIds.size === 0) return docScoreByRef.get(ref) ?? null;
    const list = entityChecks.get(ref)!;
    return scoreChecks(
      list.map(c =>
        waivedIds.has(c.id) && !c.waived && c.status !== 'not-applicable'
          ? { ...c, waived: { until: '', reason: '' } }
          : c,
      ),
    );
  });
  const score = meanScore(scores);
  return {
    score,
    level: levelOf(score, config),
    checks,
  };
}
