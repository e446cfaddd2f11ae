import type { Entity } from '@backstage/catalog-model';
import {
  applyPlan,
  comparePlan,
  evaluate,
  PlanChange,
  TeamInsightsConfig,
} from '@team-insights/plugin-team-insights-common';
import { useMemo } from 'react';

/**
 * The draft applied and scored: the report before (computed once per
 * catalog) and after, and what changed, by the same engine the backend runs.
 */
export function usePlan(
  entities: Entity[],
  config: TeamInsightsConfig,
  changes: PlanChange[],
) {
  const now = useMemo(() => new Date(), []);
  const before = useMemo(
    () => evaluate(entities, { config, now }),
    [entities, config, now],
  );
  return useMemo(() => {
    try {
      const applied = applyPlan(entities, changes);
      const after = changes.length
        ? evaluate(applied.entities, { config, now })
        : before;
      return {
        before,
        after,
        entities: applied.entities,
        edits: applied.edits,
        comparison: comparePlan(before, after),
        error: undefined,
      };
    } catch (error) {
      return {
        before,
        after: before,
        entities,
        edits: [],
        comparison: comparePlan(before, before),
        error: error as Error,
      };
    }
  }, [entities, config, changes, before, now]);
}
