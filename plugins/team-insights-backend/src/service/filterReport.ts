import { sortFindings } from '@team-insights/plugin-team-insights-common';
import type {
  ConcernReport,
  EntityReport,
  Finding,
  OrgUnitReport,
  ProductReport,
  Report,
  TeamReport,
} from '@team-insights/plugin-team-insights-common';
import type { CallerVisibility } from './visibility';
import {
  ReportFilter,
  type AggregateConfig,
} from './reportFilter/ReportFilter';

export type { AggregateConfig } from './reportFilter/ReportFilter';

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
