import type { Entity } from '@backstage/catalog-model';
import {
  defaultTeamInsightsConfig,
  evaluate,
  Report,
  TeamInsightsConfig,
} from '@team-insights/plugin-team-insights-common';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { createOrg } from '../../__testUtils__/org';
import { historyRowsOf } from '../TeamInsightsStore';
import { EvaluationWorker } from './evaluateInWorker';
import { EVALUATED_AT_PLACEHOLDER, serialiseReport } from './reportContent';

jest.setTimeout(60_000);

const now = new Date('2026-11-27T08:00:00.000Z');

async function* pagesOf(entities: Entity[], size: number) {
  for (let i = 0; i < entities.length; i += size) {
    yield entities.slice(i, i + size);
  }
}

function contentHash(report: Report) {
  return createHash('sha256')
    .update(
      JSON.stringify({ ...report, evaluatedAt: EVALUATED_AT_PLACEHOLDER }),
    )
    .digest('hex');
}

describe('EvaluationWorker', () => {
  const workers: EvaluationWorker[] = [];
  const create = (options?: { idleMs: number }) => {
    const worker = new EvaluationWorker(options);
    workers.push(worker);
    return worker;
  };
  afterEach(async () => {
    await Promise.all(workers.splice(0).map(w => w.close()));
  });

  it('gives the report the engine gives, with its stored form and hash', async () => {
    const entities = createOrg();
    const result = await create().evaluate({
      pages: pagesOf(entities, 3),
      config: defaultTeamInsightsConfig,
      now: () => now,
      signal: new AbortController().signal,
    });
    const expected = evaluate(createOrg(), {
      config: defaultTeamInsightsConfig,
      now,
    });
    expect(result.entityCount).toBe(entities.length);
    expect(result.report).toEqual(expected);
    // same key order as the engine's, so the JSON is the same too
    expect(JSON.stringify(result.report)).toBe(JSON.stringify(expected));
    expect(gunzipSync(result.content.compressed).toString('utf8')).toBe(
      JSON.stringify(expected),
    );
    expect(result.content.hash).toBe(contentHash(expected));
    expect(result.historyRows).toEqual(historyRowsOf(expected));
  });

  it('fails the evaluation when the worker fails, and evaluates again next time', async () => {
    const worker = create();
    const broken = {
      ...defaultTeamInsightsConfig,
      skillClusters: null,
    } as unknown as TeamInsightsConfig;
    await expect(
      worker.evaluate({
        pages: pagesOf(createOrg(), 5),
        config: broken,
        now: () => now,
        signal: new AbortController().signal,
      }),
    ).rejects.toThrow();
    const again = await worker.evaluate({
      pages: pagesOf(createOrg(), 5),
      config: defaultTeamInsightsConfig,
      now: () => now,
      signal: new AbortController().signal,
    });
    expect(again.report.teams.length).toBeGreaterThan(0);
  });

  it('fails with the catalog read error and stops reading when aborted', async () => {
    const worker = create();
    await expect(
      worker.evaluate({
        pages: (async function* failing() {
          yield createOrg().slice(0, 2);
          throw new Error('catalog is down');
        })(),
        config: defaultTeamInsightsConfig,
        now: () => now,
        signal: new AbortController().signal,
      }),
    ).rejects.toThrow('catalog is down');

    const controller = new AbortController();
    let pagesRead = 0;
    const evaluation = worker.evaluate({
      pages: (async function* hangs() {
        pagesRead++;
        yield createOrg().slice(0, 2);
        await new Promise(() => {});
      })(),
      config: defaultTeamInsightsConfig,
      now: () => now,
      signal: controller.signal,
    });
    controller.abort(new Error('took too long'));
    await expect(evaluation).rejects.toThrow('took too long');
    expect(pagesRead).toBeLessThanOrEqual(1);
  });

  it('gives consecutive evaluations fresh state, with or without a kept worker', async () => {
    expect.assertions(8);
    for (const worker of [create(), create({ idleMs: 60_000 })]) {
      await consecutive(worker);
    }
  });

  async function consecutive(worker: EvaluationWorker) {
    const first = await worker.evaluate({
      pages: pagesOf(createOrg(), 4),
      config: defaultTeamInsightsConfig,
      now: () => now,
      signal: new AbortController().signal,
    });
    const second = await worker.evaluate({
      pages: pagesOf(createOrg(), 4),
      config: defaultTeamInsightsConfig,
      now: () => new Date('2026-11-28T08:00:00.000Z'),
      signal: new AbortController().signal,
    });
    // the second evaluation did not see the first one's entities twice
    expect(second.entityCount).toBe(first.entityCount);
    expect(second.report.teams).toEqual(first.report.teams);
    expect(second.report.evaluatedAt).toBe('2026-11-28T08:00:00.000Z');
    expect(second.content.hash).toBe(first.content.hash);
  }
});

describe('serialiseReport', () => {
  it('writes exactly JSON.stringify of a report larger than one piece, without one long string', async () => {
    const report = evaluate(createOrg(), {
      config: defaultTeamInsightsConfig,
      now,
    });
    // 3,000 findings of ~300 characters: several pieces of the array
    for (let i = 0; i < 3_000; i++) {
      report.findings.push({
        severity: 'warning',
        code: 'concern.invalid',
        entityRef: `component:default/c${i}`,
        annotation: 'team-insights.io/concern',
        message: `finding ${i} ${'x'.repeat(250)}`,
      });
    }
    const pieces: number[] = [];
    const content = await serialiseReport(report, piece => {
      pieces.push(piece.json.length);
    });
    const json = JSON.stringify(report);
    expect(gunzipSync(content.compressed).toString('utf8')).toBe(json);
    expect(content.bytes).toBe(Buffer.byteLength(json));
    expect(content.hash).toBe(contentHash(report));
    expect(Math.max(...pieces)).toBeLessThan(json.length / 2);
  });

  it('hashes two evaluations of the same catalog alike', async () => {
    const a = evaluate(createOrg(), { config: defaultTeamInsightsConfig, now });
    const b = evaluate(createOrg(), {
      config: defaultTeamInsightsConfig,
      now: new Date('2026-11-27T09:00:00.000Z'),
    });
    expect(a.evaluatedAt).not.toBe(b.evaluatedAt);
    expect((await serialiseReport(a)).hash).toBe(
      (await serialiseReport(b)).hash,
    );
  });
});
