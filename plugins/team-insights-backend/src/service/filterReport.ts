import {
  adoptionRateOver,
  concernVerdict,
  declinedProductUnresolvedFinding,
  featureTeamRefs,
  plural,
  rollUpOrgUnit,
  sortFindings,
} from '@team-insights/plugin-team-insights-common';
import type {
  CheckResult,
  ConcernReport,
  EntityReport,
  Finding,
  OrgUnitReport,
  ProductReport,
  Report,
  ScorecardId,
  ScorecardResult,
  TeamInsightsConfig,
  TeamReport,
} from '@team-insights/plugin-team-insights-common';
import type { CallerVisibility } from './visibility';

/** What the filter needs of the engine's configuration. */
export type AggregateConfig = Pick<
  TeamInsightsConfig,
  'levels' | 'centralizeCandidateTeams'
>;

/*
 * Removes what a caller may not see from the report.
 *
 * Entities the caller cannot read in the catalog disappear from every list
 * (teams, org units, entities, products, adopters, declined-by, concerns,
 * findings, a team's owned entities, a check's entities).
 *
 * Aggregates over teams are computed over the teams the caller may see: an
 * organisational unit's roll-ups and team count, a product's adoption rate
 * (over the visible feature teams) and a concern's verdict (over the visible
 * teams and products). A unit with a single hidden team thus shows no score
 * rather than that team's. A team's own scores stay as evaluated.
 *
 * `team-insights.io/declined-products`: a declined product the caller cannot
 * see gets the finding a missing one gets, word for word, and so does a
 * hidden entity that is not a product, so the annotation cannot probe what
 * exists.
 *
 * Texts: a check whose `entities` include a hidden entity, or whose message
 * names one (by ref or by name), gets a message that says how many entities
 * the caller cannot see and lists the visible ones; its remediation is kept
 * only when it names no hidden entity.
 *
 * Findings are judged by their structured fields, never by their text: one
 * whose `entityRefs` include a hidden entity loses its `params` and the
 * hidden refs, and its message says the details are hidden (a hidden entity
 * declined as a product reads as one that does not exist, see above). The
 * error a custom check threw (`check.failed`) is free text and is not shown
 * to a caller who cannot see everything. A finding without a code (from a
 * report stored by an earlier release) is masked the same way until the
 * next evaluation replaces it.
 */

const TOKEN_SPLIT = /[\s,;()[\]{}"'`<>|!?*]+/;

/** Words of a text that could be an entity ref or a name. */
function tokensOf(text: string): string[] {
  return text
    .split(TOKEN_SPLIT)
    .map(token => token.replace(/^[.:]+|[.:]+$/g, '').toLowerCase())
    .filter(Boolean);
}

/** Hidden refs and their bare names, for spotting them in texts. */
class HiddenNames {
  readonly #tokens = new Set<string>();

  constructor(hidden: ReadonlySet<string>) {
    for (const ref of hidden) {
      this.#tokens.add(ref);
      const slash = ref.indexOf('/');
      const colon = ref.indexOf(':');
      if (slash > 0) {
        this.#tokens.add(ref.slice(slash + 1));
        this.#tokens.add(ref.slice(colon + 1));
      }
    }
  }

  /** Whether the text mentions a hidden entity. */
  mentionedIn(text: string | undefined): boolean {
    if (!text || this.#tokens.size === 0) {
      return false;
    }
    return tokensOf(text).some(token => this.#tokens.has(token));
  }
}

/** What a decline reason that names entities the caller cannot see becomes. */
const HIDDEN_REASON =
  'The reason names entities you cannot see in the catalog, so it is hidden.';

/** What a custom check's error becomes for a caller who may not see all. */
const HIDDEN_ERROR =
  'Its error is hidden, as it may name entities you cannot see in the catalog.';

function hiddenNotice(hiddenCount: number, visible: string[]): string {
  const parts = [
    hiddenCount > 0
      ? `This result involves ${plural(
          hiddenCount,
          'entity you cannot see',
          'entities you cannot see',
        )} in the catalog, so its details are hidden.`
      : 'This result names entities you cannot see in the catalog, so its details are hidden.',
  ];
  if (visible.length > 0) {
    parts.push(`Entities involved that you can see: ${visible.join(', ')}.`);
  }
  return parts.join(' ');
}

class ReportFilter {
  readonly #visibility: CallerVisibility;
  readonly #names: HiddenNames;
  readonly #report: Report;
  readonly #config: AggregateConfig;
  #visibleTeams?: Map<string, TeamReport>;
  #featureTeams?: ReadonlySet<string>;
  #hiddenDeclines?: Map<string, Finding[]>;

  constructor(
    visibility: CallerVisibility,
    report: Report,
    config: AggregateConfig,
  ) {
    this.#visibility = visibility;
    this.#names = new HiddenNames(visibility.hidden);
    this.#report = report;
    this.#config = config;
  }

  /** The teams the caller may see, as evaluated, by lower-case ref. */
  get visibleTeams(): Map<string, TeamReport> {
    if (!this.#visibleTeams) {
      this.#visibleTeams = new Map(
        this.#report.teams
          .filter(team => this.visible(team.entityRef))
          .map(team => [team.entityRef.toLowerCase(), team]),
      );
    }
    return this.#visibleTeams;
  }

  get featureTeams(): ReadonlySet<string> {
    if (!this.#featureTeams) {
      this.#featureTeams = featureTeamRefs([...this.visibleTeams.values()]);
    }
    return this.#featureTeams;
  }

  /**
   * For each visible team that declined a product the caller cannot see,
   * the finding a product that does not exist gets.
   */
  get hiddenDeclines(): Map<string, Finding[]> {
    if (!this.#hiddenDeclines) {
      const found = new Map<string, Finding[]>();
      for (const product of this.#report.products) {
        if (this.visible(product.entityRef)) continue;
        for (const team of product.declinedBy) {
          if (!this.visible(team)) continue;
          const key = team.toLowerCase();
          const list = found.get(key) ?? [];
          list.push(declinedProductUnresolvedFinding(team, product.entityRef));
          found.set(key, list);
        }
      }
      this.#hiddenDeclines = found;
    }
    return this.#hiddenDeclines;
  }

  visible = (ref: string | undefined): boolean =>
    ref === undefined || this.#visibility.isVisible(ref);

  refs(refs: string[]): string[] {
    return refs.filter(ref => this.#visibility.isVisible(ref));
  }

  check(check: CheckResult): CheckResult {
    const entities = check.entities ?? [];
    const visible = this.refs(entities);
    const hiddenCount = entities.length - visible.length;
    const messageTainted =
      hiddenCount > 0 || this.#names.mentionedIn(check.message);
    const remediationTainted = this.#names.mentionedIn(check.remediation);
    if (!messageTainted && !remediationTainted) {
      return check;
    }
    const result: CheckResult = { ...check };
    if (check.entities) {
      result.entities = visible;
    }
    if (messageTainted) {
      result.message = hiddenNotice(hiddenCount, visible);
    }
    if (remediationTainted) {
      result.remediation =
        'The remediation names entities you cannot see in the catalog, so it is hidden.';
    }
    return result;
  }

  scorecard(scorecard: ScorecardResult): ScorecardResult {
    const checks = scorecard.checks.map(check => this.check(check));
    return checks.every((check, i) => check === scorecard.checks[i])
      ? scorecard
      : { ...scorecard, checks };
  }

  team(team: TeamReport): TeamReport {
    const scorecards = {} as Record<ScorecardId, ScorecardResult>;
    for (const [id, scorecard] of Object.entries(team.scorecards)) {
      scorecards[id as ScorecardId] = this.scorecard(scorecard);
    }
    const result: TeamReport = {
      ...team,
      orgUnits: this.refs(team.orgUnits),
      owned: this.refs(team.owned),
      scorecards,
    };
    if (!this.visible(team.parent)) {
      delete result.parent;
    }
    return result;
  }

  orgUnit(unit: OrgUnitReport): OrgUnitReport {
    const result: OrgUnitReport = rollUpOrgUnit(
      unit,
      this.visibleTeams,
      this.#config,
    );
    if (!this.visible(unit.parent)) {
      delete result.parent;
    }
    return result;
  }

  entity(entity: EntityReport): EntityReport {
    const result: EntityReport = {
      ...entity,
      scorecards: {
        documentation: this.scorecard(entity.scorecards.documentation),
      },
    };
    if (!this.visible(entity.owner)) {
      delete result.owner;
    }
    return result;
  }

  product(product: ProductReport): ProductReport {
    const result: ProductReport = {
      ...product,
      adopters: this.refs(product.adopters),
      declinedBy: this.refs(product.declinedBy),
      adoptionRate: adoptionRateOver(product, this.featureTeams),
    };
    if (!this.visible(product.owner)) {
      delete result.owner;
    }
    if (product.declineReasons) {
      const reasons = product.declineReasons
        .filter(r => this.visible(r.teamRef))
        .map(r =>
          this.#names.mentionedIn(r.reason)
            ? { ...r, reason: HIDDEN_REASON }
            : r,
        );
      if (reasons.length) result.declineReasons = reasons;
      else delete result.declineReasons;
    }
    return result;
  }

  concern(concern: ConcernReport): ConcernReport | undefined {
    const builtBy = this.refs(concern.builtBy);
    const products = this.refs(concern.products);
    if (builtBy.length === 0 && products.length === 0) {
      return undefined;
    }
    const verdict = concernVerdict({ builtBy, products }, this.#config);
    const result: ConcernReport = { ...concern, builtBy, products, verdict };
    // the timing is of the whole organisation's candidate: a caller who sees
    // too few of its teams for a candidate sees no date and no flag
    if (verdict !== 'centralize-candidate' && 'candidateSince' in concern) {
      result.candidateSince = null;
      result.evident = false;
    }
    const declined = this.refs(concern.declined ?? []);
    if (declined.length) result.declined = declined;
    else delete result.declined;
    return result;
  }

  finding(finding: Finding): Finding | undefined {
    if (!this.visible(finding.entityRef)) {
      return undefined;
    }
    if (typeof finding.code !== 'string') {
      // Stored before findings had codes: nothing says what the message
      // names, so its details wait for the next evaluation.
      return maskedFinding(finding, []);
    }
    const refs = finding.entityRefs ?? [];
    const visibleRefs = this.refs(refs);
    if (visibleRefs.length < refs.length) {
      if (finding.code === 'declined-products.not-a-product') {
        // a hidden entity reads like one that does not exist
        const product = finding.params?.product;
        return declinedProductUnresolvedFinding(
          finding.entityRef,
          typeof product === 'string' ? product : refs[0],
        );
      }
      return maskedFinding(finding, visibleRefs);
    }
    if (finding.code === 'check.failed') {
      // the error a custom check threw is free text that may name anything
      const checkId = String(finding.params?.checkId ?? '');
      return {
        ...finding,
        message: `check '${checkId}' could not be evaluated; it is reported as not applicable. ${HIDDEN_ERROR}`,
        params: { checkId },
      };
    }
    return finding;
  }
}

/** A finding whose details name entities the caller cannot see. */
function maskedFinding(finding: Finding, visibleRefs: string[]): Finding {
  const result: Finding = {
    ...finding,
    message:
      'This annotation refers to entities you cannot see in the catalog, so the details are hidden.',
  };
  delete result.params;
  if (visibleRefs.length) result.entityRefs = visibleRefs;
  else delete result.entityRefs;
  return result;
}

/**
 * Keeps what the caller may see of `report`; see the notes at the top of
 * this file.
 */
export function createReportFilter(
  visibility: CallerVisibility,
  report: Report,
  config: AggregateConfig,
) {
  const filter = new ReportFilter(visibility, report, config);
  return {
    isVisible: (ref: string) => filter.visible(ref),
    /**
     * The findings a caller may see, of the report or of some of its
     * entities (`refs`, in any case): with, for each of those that is a
     * team, the findings on products it declined that the caller cannot see;
     * sorted like the engine's findings.
     */
    findingsOf: (findings: Finding[], refs?: Iterable<string>) => {
      if (visibility.all) {
        return findings;
      }
      const kept = findings
        .map(f => filter.finding(f))
        .filter((f): f is Finding => f !== undefined);
      const extra = filter.hiddenDeclines;
      if (refs === undefined) {
        kept.push(...[...extra.values()].flat());
      } else {
        const seen = new Set<string>();
        for (const ref of refs) {
          const key = ref.toLowerCase();
          if (seen.has(key)) continue;
          seen.add(key);
          kept.push(...(extra.get(key) ?? []));
        }
      }
      // Always in the engine's order, so that where a finding stands does
      // not tell a hidden product from a missing one.
      return sortFindings(kept);
    },
    teams: (teams: TeamReport[]) =>
      visibility.all
        ? teams
        : teams
            .filter(t => filter.visible(t.entityRef))
            .map(t => filter.team(t)),
    orgUnits: (units: OrgUnitReport[]) =>
      visibility.all
        ? units
        : units
            .filter(u => filter.visible(u.entityRef))
            .map(u => filter.orgUnit(u)),
    entities: (entities: EntityReport[]) =>
      visibility.all
        ? entities
        : entities
            .filter(e => filter.visible(e.entityRef))
            .map(e => filter.entity(e)),
    products: (products: ProductReport[]) =>
      visibility.all
        ? products
        : products
            .filter(p => filter.visible(p.entityRef))
            .map(p => filter.product(p)),
    concerns: (concerns: ConcernReport[]) =>
      visibility.all
        ? concerns
        : concerns
            .map(c => filter.concern(c))
            .filter((c): c is ConcernReport => c !== undefined),
    findings: (findings: Finding[]) =>
      visibility.all
        ? findings
        : findings
            .map(f => filter.finding(f))
            .filter((f): f is Finding => f !== undefined),
  };
}

/** The report as the caller may see it. */
export function filterReport(
  report: Report,
  visibility: CallerVisibility,
  config: AggregateConfig,
): Report {
  if (visibility.all) {
    return report;
  }
  const filter = createReportFilter(visibility, report, config);
  return {
    ...report,
    teams: filter.teams(report.teams),
    orgUnits: filter.orgUnits(report.orgUnits),
    entities: filter.entities(report.entities),
    products: filter.products(report.products),
    concerns: filter.concerns(report.concerns),
    findings: filter.findingsOf(report.findings),
  };
}
