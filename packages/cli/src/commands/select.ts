import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type {
  Level,
  Report,
  ScorecardId,
} from '@team-insights/plugin-team-insights-common';
import { compareCodeUnits } from '../util';

/** The refs picked with `--entity`, lower-cased as the catalog stores them. */
export interface Selection {
  refs: Set<string>;
}

function suggestions(name: string, known: string[]): string {
  const needle = name.toLowerCase();
  const close = known
    .filter(ref => {
      const refName = ref.slice(ref.indexOf('/') + 1);
      return refName.includes(needle) || needle.includes(refName);
    })
    .slice(0, 3);
  return close.length ? ` (did you mean ${close.join(', ')}?)` : '';
}

/**
 * Resolves `--entity` values against the entities read. A value without a
 * kind means a Group (`search-ranking` is `group:default/search-ranking`),
 * else the one entity of any kind with that name.
 *
 * @throws InputError for a value that does not parse, is ambiguous or
 *   names no entity read.
 */
export function resolveSelection(
  values: string[],
  entities: Entity[],
): Selection | undefined {
  if (!values.length) {
    return undefined;
  }
  const known = entities.map(e => stringifyEntityRef(e)).sort(compareCodeUnits);
  const knownSet = new Set(known);
  const refs = new Set<string>();
  for (const value of values) {
    let ref: string;
    try {
      ref = stringifyEntityRef(
        parseEntityRef(value, {
          defaultKind: 'group',
          defaultNamespace: 'default',
        }),
      );
    } catch (error) {
      throw new InputError(
        `--entity '${value}' is not an entity reference (kind:namespace/name, e.g. group:default/search-ranking): ${
          (error as Error).message
        }`,
      );
    }
    if (!knownSet.has(ref) && !value.includes(':')) {
      const suffix = `/${ref.slice(ref.indexOf('/') + 1)}`;
      const matches = known.filter(k => k.endsWith(suffix));
      if (matches.length > 1) {
        throw new InputError(
          `--entity '${value}' is ambiguous: ${matches.join(
            ', ',
          )}; give the kind, e.g. ${matches[0]}`,
        );
      }
      if (matches.length === 1) {
        ref = matches[0];
      }
    }
    if (!knownSet.has(ref)) {
      throw new InputError(
        `--entity '${value}': no team or entity ${ref} in the files read${suggestions(
          ref.slice(ref.indexOf('/') + 1),
          known,
        )}`,
      );
    }
    refs.add(ref);
  }
  return { refs };
}

/**
 * The part of the report about the selection: the selected teams and
 * organisational units, the selected entities and those the selected teams
 * own, their products, the concerns they take part in and their findings.
 * The shape stays that of the full report.
 */
export function selectReport(report: Report, selection?: Selection): Report {
  if (!selection) {
    return report;
  }
  const selected = selection.refs;
  const teams = report.teams.filter(t => selected.has(t.entityRef));
  const teamRefs = new Set(teams.map(t => t.entityRef));
  const related = new Set(selected);
  for (const team of teams) {
    team.owned.forEach(ref => related.add(ref));
  }
  const products = report.products.filter(
    p => related.has(p.entityRef) || (p.owner && teamRefs.has(p.owner)),
  );
  return {
    ...report,
    teams,
    orgUnits: report.orgUnits.filter(o => selected.has(o.entityRef)),
    entities: report.entities.filter(e => related.has(e.entityRef)),
    products,
    concerns: report.concerns.filter(
      c =>
        c.builtBy.some(ref => teamRefs.has(ref)) ||
        c.products.some(ref => related.has(ref)),
    ),
    findings: report.findings.filter(f =>
      related.has(f.entityRef.toLowerCase()),
    ),
  };
}

const LEVEL_RANK: Record<Level, number> = {
  none: 0,
  bronze: 1,
  silver: 2,
  gold: 3,
};

/** One scorecard below the `--fail-below` level. */
export interface BelowLevel {
  entityRef: string;
  scorecard: ScorecardId;
  level: Level;
  score: number | null;
}

/**
 * The scorecards below `threshold`: of every team (of the selected teams
 * when there is a selection) and of the selected entities' documentation.
 * Scorecards without a score (nothing applicable) never count as below.
 */
export function scorecardsBelow(
  report: Report,
  threshold: Level,
  selection?: Selection,
): BelowLevel[] {
  const below: BelowLevel[] = [];
  const isBelow = (level: Level | null) =>
    level !== null && LEVEL_RANK[level] < LEVEL_RANK[threshold];
  for (const team of report.teams) {
    if (selection && !selection.refs.has(team.entityRef)) {
      continue;
    }
    for (const id of ['composition', 'adoption', 'documentation'] as const) {
      const card = team.scorecards[id];
      if (card && isBelow(card.level)) {
        below.push({
          entityRef: team.entityRef,
          scorecard: id,
          level: card.level!,
          score: card.score,
        });
      }
    }
  }
  if (selection) {
    for (const entity of report.entities) {
      const card = entity.scorecards.documentation;
      if (selection.refs.has(entity.entityRef) && isBelow(card.level)) {
        below.push({
          entityRef: entity.entityRef,
          scorecard: 'documentation',
          level: card.level!,
          score: card.score,
        });
      }
    }
  }
  return below;
}
