import { NotFoundError } from '@backstage/errors';
import type {
  Finding,
  Level,
  Report,
  ScorecardId,
} from '@team-insights/plugin-team-insights-common';

/** A report's items by lower-case entity ref. */
export interface ReportIndex {
  teams: Map<string, Report['teams'][number]>;
  orgUnits: Map<string, Report['orgUnits'][number]>;
  entities: Map<string, Report['entities'][number]>;
  products: Map<string, Report['products'][number]>;
  findingsByRef: Map<string, Finding[]>;
}

const indexes = new WeakMap<Report, ReportIndex>();

/** Lookup tables of a report by lower-case entity ref, built once per report. */
export function indexOf(report: Report): ReportIndex {
  let index = indexes.get(report);
  if (!index) {
    const byRef = <T extends { entityRef: string }>(items: T[]) =>
      new Map(items.map(item => [item.entityRef.toLowerCase(), item]));
    const findingsByRef = new Map<string, Finding[]>();
    for (const finding of report.findings) {
      const key = finding.entityRef.toLowerCase();
      const list = findingsByRef.get(key) ?? [];
      list.push(finding);
      findingsByRef.set(key, list);
    }
    index = {
      teams: byRef(report.teams),
      orgUnits: byRef(report.orgUnits),
      entities: byRef(report.entities),
      products: byRef(report.products),
      findingsByRef,
    };
    indexes.set(report, index);
  }
  return index;
}

/** The team, org unit or documented entity of a lower-case ref, if any. */
export function scoredItemOf(report: Report, ref: string) {
  const index = indexOf(report);
  return (
    index.teams.get(ref) ?? index.orgUnits.get(ref) ?? index.entities.get(ref)
  );
}

/** The level of a scorecard of a team, org unit or documented entity. */
export function levelIn(
  report: Report,
  ref: string,
  scorecard: ScorecardId,
): { level: Level | null } | undefined {
  const index = indexOf(report);
  const scored = index.teams.get(ref) ?? index.orgUnits.get(ref);
  if (scored) {
    return { level: scored.scorecards[scorecard]?.level ?? null };
  }
  const entity = index.entities.get(ref);
  if (entity) {
    return {
      level:
        scorecard === 'documentation'
          ? entity.scorecards.documentation.level
          : null,
    };
  }
  return undefined;
}

/** The answer for an entity without scorecards, or one the caller cannot see. */
export function notFound(entityRef: string): never {
  throw new NotFoundError(
    `No Team Insights scorecards for ${entityRef}: it is not a team, an organisational unit or a documented entity in the catalog`,
  );
}
