import {
  adoptionRateOver,
  concernVerdict,
  declinedProductUnresolvedFinding,
  featureTeamRefs,
  rollUpOrgUnit,
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
import type { CallerVisibility } from '../visibility';
import {
  HIDDEN_ERROR,
  HIDDEN_REASON,
  HiddenNames,
  hiddenNotice,
  maskedFinding,
} from './hiddenTexts';
import { withoutHiddenRefs } from './hiddenRefs';

/** What the filter needs of the engine's configuration. */
export type AggregateConfig = Pick<
  TeamInsightsConfig,
  'levels' | 'centralizeCandidateTeams'
>;

/**
 * Filters the parts of one report for one caller; see the notes at the top
 * of ../filterReport.ts.
 */
export class ReportFilter {
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

  /**
   * `part` without a ref its model marks that the caller may not see: the
   * last step of each part's filter (see ./hiddenRefs.ts). The part's own
   * ref is visible (callers check it first), so the part itself stays.
   */
  #strip<T>(
    filter: (value: T, keep: (ref: string) => boolean) => T | undefined,
    part: T,
  ): T {
    return filter(part, this.visible) ?? part;
  }

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
    return this.#strip(withoutHiddenRefs.team, result);
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
    return this.#strip(withoutHiddenRefs.orgUnit, result);
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
    return this.#strip(withoutHiddenRefs.entity, result);
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
    return this.#strip(withoutHiddenRefs.product, result);
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
    return this.#strip(withoutHiddenRefs.concern, result);
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
    return this.#strip(withoutHiddenRefs.finding, finding);
  }
}
