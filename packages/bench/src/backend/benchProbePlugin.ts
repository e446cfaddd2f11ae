import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  TEAM_INSIGHTS_ENTITY_FIELDS,
  teamInsightsScorecardsReadPermission,
} from '@team-insights/plugin-team-insights-common';
import express from 'express';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { generateOrganisation } from '../generator';
import { eventsSince, lastEventSeq } from './recordingLogger';

/** Runs a collection, if the process was started with `--expose-gc`. */
function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return false;
  gc();
  gc();
  return true;
}

/**
 * The bench backend's measuring plugin, under `/api/bench/v1`. It reads
 * the catalog the way Team Insights does, inside the same process, and
 * reports on the process itself. Its measuring routes allow
 * unauthenticated calls (the bench backend listens on 127.0.0.1 only and
 * holds synthetic data); `/v1/authorized` is the floor of an endpoint that
 * checks credentials and a permission.
 */
export const benchProbePlugin = createBackendPlugin({
  pluginId: 'bench',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        catalog: catalogServiceRef,
      },
      async init({ config, auth, httpAuth, httpRouter, permissions, catalog }) {
        const size = config.getNumber('bench.organisation.size');
        const seed = config.getOptionalNumber('bench.organisation.seed') ?? 1;
        const router = express.Router();
        router.use(express.json());

        router.get('/v1/status', async (_req, res) => {
          const credentials = await auth.getOwnServiceCredentials();
          const { totalItems } = await catalog.queryEntities(
            { limit: 1, fields: ['kind'] },
            { credentials },
          );
          res.json({ entities: totalItems, lastEventSeq: lastEventSeq() });
        });

        // The floor of a refresh: stream every entity with exactly the fields
        // Team Insights asks for, in pages of the same size (500, unless
        // `?pageSize=` asks for another to compare), into one array.
        router.post('/v1/stream', async (req, res) => {
          const credentials = await auth.getOwnServiceCredentials();
          const pageSize = Number(req.query.pageSize ?? 500);
          if (!Number.isInteger(pageSize) || pageSize < 1) {
            res.status(400).json({ error: 'pageSize must be a whole number' });
            return;
          }
          const started = performance.now();
          const entities: Entity[] = [];
          for await (const page of catalog.streamEntities(
            { fields: [...TEAM_INSIGHTS_ENTITY_FIELDS], pageSize },
            { credentials },
          )) {
            for (const entity of page) entities.push(entity);
          }
          const ms = performance.now() - started;
          res.json({ count: entities.length, ms });
        });

        // Compares what the catalog serves with what the generator emits.
        router.post('/v1/verify', async (_req, res) => {
          const credentials = await auth.getOwnServiceCredentials();
          const expected = new Map<string, Set<string>>();
          let expectedRelations = 0;
          for (const entity of generateOrganisation({ size, seed }).entities) {
            const keys = new Set(
              (entity.relations ?? []).map(r => `${r.type} ${r.targetRef}`),
            );
            expectedRelations += keys.size;
            expected.set(stringifyEntityRef(entity), keys);
          }
          let entities = 0;
          let relations = 0;
          let missing = 0;
          let unexpected = 0;
          const samples: string[] = [];
          const seen = new Set<string>();
          for await (const page of catalog.streamEntities(
            {
              fields: [
                'kind',
                'metadata.namespace',
                'metadata.name',
                'relations',
              ],
              pageSize: 1000,
            },
            { credentials },
          )) {
            for (const entity of page) {
              entities++;
              const ref = stringifyEntityRef(entity);
              seen.add(ref);
              const want = expected.get(ref);
              const got = new Set(
                (entity.relations ?? []).map(r => `${r.type} ${r.targetRef}`),
              );
              relations += got.size;
              if (!want) {
                unexpected += got.size;
                if (samples.length < 5)
                  samples.push(`unexpected entity ${ref}`);
                continue;
              }
              for (const key of want) {
                if (!got.has(key)) {
                  missing++;
                  if (samples.length < 5)
                    samples.push(`${ref}: missing ${key}`);
                }
              }
              for (const key of got) {
                if (!want.has(key)) {
                  unexpected++;
                  if (samples.length < 5) {
                    samples.push(`${ref}: unexpected ${key}`);
                  }
                }
              }
            }
          }
          let missingEntities = 0;
          for (const ref of expected.keys()) {
            if (!seen.has(ref)) missingEntities++;
          }
          res.json({
            entities,
            expectedEntities: expected.size,
            missingEntities,
            relations,
            expectedRelations,
            missing,
            unexpected,
            samples,
          });
        });

        // The floor of any Backstage endpoint that answers a signed-in user
        // after a permission check, as Team Insights' routes do: verify the
        // token, authorize the same permission, answer with a small body.
        router.get('/v1/authorized', async (req, res) => {
          const credentials = await httpAuth.credentials(req, {
            allow: ['user', 'service'],
          });
          const [decision] = await permissions.authorize(
            [{ permission: teamInsightsScorecardsReadPermission }],
            { credentials },
          );
          res.json({ result: decision.result });
        });

        router.get('/v1/events', (req, res) => {
          const since = Number(req.query.since ?? 0) || 0;
          res.json({ events: eventsSince(since) });
        });

        router.post('/v1/gc', (_req, res) => {
          const collected = collectGarbage();
          res.json({ collected, memory: process.memoryUsage() });
        });

        // Delay of this process's event loop between start and stop (one
        // measurement at a time), e.g. over a Team Insights refresh: what
        // every other plugin's requests wait on top of their own work.
        let loopDelay: ReturnType<typeof monitorEventLoopDelay> | undefined;
        router.post('/v1/loop/start', (_req, res) => {
          loopDelay?.disable();
          loopDelay = monitorEventLoopDelay({ resolution: 10 });
          loopDelay.enable();
          res.json({ started: true });
        });
        router.post('/v1/loop/stop', (_req, res) => {
          if (!loopDelay) {
            res.status(409).json({ error: 'no measurement was started' });
            return;
          }
          loopDelay.disable();
          const h = loopDelay;
          loopDelay = undefined;
          const ms = (ns: number) => ns / 1e6;
          res.json({
            samples: h.count,
            meanMs: ms(h.mean),
            p50Ms: ms(h.percentile(50)),
            p99Ms: ms(h.percentile(99)),
            maxMs: ms(h.max),
          });
        });

        router.get('/v1/memory', (_req, res) => {
          res.json({ memory: process.memoryUsage() });
        });

        httpRouter.use(router);
        for (const path of [
          '/v1/status',
          '/v1/stream',
          '/v1/verify',
          '/v1/events',
          '/v1/gc',
          '/v1/memory',
          '/v1/loop/start',
          '/v1/loop/stop',
        ]) {
          httpRouter.addAuthPolicy({ path, allow: 'unauthenticated' });
        }
      },
    });
  },
});
