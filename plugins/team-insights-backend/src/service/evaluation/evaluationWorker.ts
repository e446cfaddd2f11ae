/*
 * The evaluation worker: a thread of its own that receives the catalog's
 * pages as JSON, runs the engine, then serialises, hashes and compresses
 * the report and sends it back in pieces the main thread can parse
 * without stalling. See evaluateInWorker.ts for the main thread's side.
 */
import type { Entity } from '@backstage/catalog-model';
import {
  advanceTimeline,
  evaluate,
} from '@team-insights/plugin-team-insights-common';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { EvaluationWorkerData, FromWorker, ToWorker } from './protocol';
import { historyRowsOf } from '../TeamInsightsStore';
import { serialiseReport } from './reportContent';

/** History rows per message. */
const HISTORY_ROWS_PER_PIECE = 500;

function post(message: FromWorker, transfer: ArrayBuffer[] = []) {
  parentPort!.postMessage(message, transfer);
}

async function evaluatePages(
  entities: Entity[],
  message: Extract<ToWorker, { type: 'evaluate' }>,
) {
  let started = performance.now();
  const report = evaluate(entities, {
    config: message.config,
    now: new Date(message.now),
    timeline: message.timeline,
  });
  const evaluateMs = performance.now() - started;
  const entityCount = entities.length;
  entities.length = 0;

  started = performance.now();
  const skeleton: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(report)) {
    skeleton[key] = Array.isArray(value) ? [] : value;
  }
  post({ type: 'report', skeleton, entityCount });
  const content = await serialiseReport(report, piece => {
    if (piece.kind === 'items') {
      post({ type: 'items', key: piece.key, json: piece.json });
    }
  });
  // The history rows too: building them from a large report would hold
  // the main thread.
  const rows = historyRowsOf(report);
  for (let i = 0; i < rows.length; i += HISTORY_ROWS_PER_PIECE) {
    post({
      type: 'history',
      json: JSON.stringify(rows.slice(i, i + HISTORY_ROWS_PER_PIECE)),
    });
  }
  const serialiseMs = performance.now() - started;
  // What storing the report records for the timing rules, built here too.
  const timeline = message.timeline
    ? advanceTimeline(message.timeline, report, new Date(report.evaluatedAt))
    : undefined;
  // A Buffer from zlib may share a pooled ArrayBuffer: copy into its own
  // before handing it over.
  const compressed = new Uint8Array(content.compressed.length);
  compressed.set(content.compressed);
  post(
    {
      type: 'done',
      hash: content.hash,
      compressed: compressed.buffer,
      bytes: content.bytes,
      evaluateMs,
      serialiseMs,
      timeline,
    },
    [compressed.buffer],
  );
}

function start() {
  const entities: Entity[] = [];
  parentPort!.on('message', (message: ToWorker) => {
    if (message.type === 'page') {
      for (const entity of JSON.parse(message.json) as Entity[]) {
        entities.push(entity);
      }
      return;
    }
    evaluatePages(entities, message).catch((error: Error) => {
      post({
        type: 'error',
        message: String(error?.message ?? error),
        stack: error?.stack,
      });
    });
  });
}

if (
  !isMainThread &&
  (workerData as Partial<EvaluationWorkerData> | undefined)
    ?.teamInsightsEvaluation
) {
  start();
}
