/*
 * How long the planner takes to recompute a draft: applyPlan and evaluate
 * over the demo organisation (examples/) and a generated organisation, as
 * the portal does in the browser on every change. Median of 7 runs after one
 * warm-up, on this process's main thread.
 *
 *   yarn workspace @team-insights/bench bench:planner [--size 10000]
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Entity } from '@backstage/catalog-model';
import {
  applyPlan,
  defaultTeamInsightsConfig,
  evaluate,
  PlanChange,
} from '@team-insights/plugin-team-insights-common';
// the CLI's own loader reads the demo exactly as `team-insights score` does
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { findCatalogFiles } from '../../../cli/src/catalog/files';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { loadCatalog } from '../../../cli/src/catalog/loadCatalog';
import { generateOrganisation } from '../generator';
import { round, summarise } from './stats';

const RUNS = 7;

/** A move of a member of the first team into the second, and a split. */
function draftFor(entities: Entity[]): PlanChange[] {
  const teams = entities.filter(
    e => e.kind === 'Group' && (e.spec as any)?.type === 'team',
  );
  const memberOf = (team: Entity) =>
    entities.filter(
      e =>
        e.kind === 'User' &&
        ((e.spec as any)?.memberOf ?? []).includes(team.metadata.name),
    );
  const [first, second] = teams.filter(t => memberOf(t).length >= 2);
  const people = memberOf(first);
  const rest = memberOf(second).filter(
    p => !((p.spec as any).memberOf as string[]).includes(first.metadata.name),
  );
  return [
    {
      move: {
        user: people[0].metadata.name,
        from: first.metadata.name,
        to: second.metadata.name,
      },
    },
    {
      split: {
        team: second.metadata.name,
        into: [
          {
            name: `${second.metadata.name}-a`,
            members: [people[0], ...rest.slice(0, 1)].map(p => p.metadata.name),
          },
          {
            name: `${second.metadata.name}-b`,
            members: rest.slice(1).map(p => p.metadata.name),
          },
        ],
      },
    },
  ];
}

function measure(label: string, entities: Entity[]) {
  const changes = draftFor(entities);
  const now = new Date('2026-01-15T00:00:00Z');
  const config = defaultTeamInsightsConfig;
  const once = () => {
    const start = performance.now();
    const applied = applyPlan(entities, changes);
    const applyMs = performance.now() - start;
    evaluate(applied.entities, { config, now });
    return { applyMs, totalMs: performance.now() - start };
  };
  once();
  const runs = Array.from({ length: RUNS }, once);
  const result = {
    label,
    entities: entities.length,
    changes: changes.length,
    applyMs: round(summarise(runs.map(r => r.applyMs)).median, 1),
    recomputeMs: round(summarise(runs.map(r => r.totalMs)).median, 1),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return result;
}

async function main() {
  const sizeArg = process.argv.indexOf('--size');
  const size = sizeArg > 0 ? Number(process.argv[sizeArg + 1]) : 10_000;
  // yarn runs workspace scripts in the package's folder
  const root = path.resolve(process.cwd(), '../..');
  const found = await findCatalogFiles(['examples'], root, {});
  const demo = await loadCatalog(found, p => p, {});
  const a = measure('demo organisation', demo.entities);
  const b = measure(
    `generated organisation`,
    generateOrganisation({ size, seed: 1 }).entities,
  );
  process.stdout.write(
    `planner-summary demo_recompute_ms=${a.recomputeMs} recompute_${size}_ms=${b.recomputeMs}\n`,
  );
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
