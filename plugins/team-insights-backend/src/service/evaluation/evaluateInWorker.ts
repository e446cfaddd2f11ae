import type { Entity } from '@backstage/catalog-model';
import type {
  Report,
  TeamInsightsConfig,
  TeamInsightsTimeline,
} from '@team-insights/plugin-team-insights-common';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { EvaluationWorkerData, FromWorker, ToWorker } from './protocol';
import type { ReportContent } from './reportContent';
import type { HistoryRow } from '../TeamInsightsStore';
// Imported for its file: the build emits it beside this module (as
// evaluationWorker.cjs.js), where workerScript() finds it. It does nothing
// on the main thread.
import './evaluationWorker';

const PACKAGE = '@team-insights/plugin-team-insights-backend';

/** Entities serialised for the worker in one event-loop turn. */
const HANDOVER_ENTITIES = 100;

/** A report evaluated in the worker, with its stored form. */
export interface WorkerEvaluation {
  report: Report;
  content: ReportContent;
  /** The report's rows for `TeamInsightsStore.writeHistory`. */
  historyRows: HistoryRow[];
  entityCount: number;
  /** The engine's time in the worker. */
  evaluateMs: number;
  /** Serialising, hashing and compressing in the worker. */
  serialiseMs: number;
  /** The timeline advanced by the report, when one was given. */
  nextTimeline?: TeamInsightsTimeline;
}

/**
 * Starts the evaluation worker. From the built package the worker is
 * `dist/service/evaluation/evaluationWorker.cjs.js`; from source (tests,
 * `backstage-cli package start`) it is TypeScript, loaded through the same
 * transform the Backstage CLI runs source with, unless the thread already
 * has one.
 */
function startWorker(): Worker {
  const data: EvaluationWorkerData = { teamInsightsEvaluation: true };
  // Which code runs: this module's own file name says it.
  if (path.extname(__filename) !== '.ts') {
    return new Worker(
      resolvePackagePath(
        PACKAGE,
        'dist/service/evaluation/evaluationWorker.cjs.js',
      ),
      { workerData: data },
    );
  }
  let transform: string | undefined;
  try {
    transform = require.resolve('@backstage/cli/config/nodeTransform.cjs');
  } catch {
    // The thread inherits a transform (node -r …) or the require fails
    // below with a clear message.
  }
  return new Worker(
    `const { workerData } = require('node:worker_threads');
     if (!require.extensions['.ts'] && workerData.transform) {
       require(workerData.transform);
     }
     require(workerData.script);`,
    {
      eval: true,
      workerData: {
        ...data,
        script: resolvePackagePath(
          PACKAGE,
          'src/service/evaluation/evaluationWorker.ts',
        ),
        transform,
      },
    },
  );
}

/**
 * Evaluates the catalog in a worker thread, so that the backend's main
 * thread stays free for every other plugin's requests.
 *
 * @remarks
 *
 * The main thread only moves text: each page of the catalog goes to the
 * worker as JSON strings of 100 entities, one event-loop turn apart (a
 * string is a flat copy; no object graph is cloned), and
 * the report comes back as JSON pieces of about 64 KiB, each parsed in a
 * task of its own so that other requests are served in between. The
 * engine, the serialisation, the content hash and the compression run in
 * the worker; the compressed snapshot arrives as a transferred buffer.
 *
 * A worker that throws, runs out of memory or exits fails the evaluation
 * (the promise rejects) and is replaced by a new one next time; an abort
 * terminates it. One evaluation at a time. A worker ends after its
 * evaluation (or is kept for the next one for `idleMs`), and its memory
 * with it.
 */
export class EvaluationWorker {
  readonly #idleMs: number;
  #worker?: Worker;
  #idleTimer?: NodeJS.Timeout;

  /**
   * @param options.idleMs - how long an idle worker is kept for the next
   *   evaluation before it ends (and its memory with it). Default 0: it
   *   ends after each evaluation, as the next one is minutes away and
   *   starting a worker overlaps with reading the catalog.
   */
  constructor(options: { idleMs?: number } = {}) {
    this.#idleMs = options.idleMs ?? 0;
  }

  /** Ends the worker, if one is running. */
  async close(): Promise<void> {
    clearTimeout(this.#idleTimer);
    const worker = this.#worker;
    this.#worker = undefined;
    await worker?.terminate();
  }

  #take(): Worker {
    clearTimeout(this.#idleTimer);
    let worker = this.#worker;
    if (!worker) {
      const started = startWorker();
      // Always listened to, also while idle: a failing worker is dropped,
      // never an unhandled 'error' event.
      const drop = () => {
        if (this.#worker === started) this.#worker = undefined;
      };
      started.on('error', drop);
      started.on('exit', drop);
      worker = started;
    }
    this.#worker = worker;
    worker.ref();
    return worker;
  }

  #release(worker: Worker, healthy: boolean) {
    if (!healthy || this.#worker !== worker || this.#idleMs <= 0) {
      if (this.#worker === worker) this.#worker = undefined;
      worker.terminate().catch(() => {});
      return;
    }
    worker.unref();
    this.#idleTimer = setTimeout(() => {
      this.close().catch(() => {});
    }, this.#idleMs);
    this.#idleTimer.unref();
  }

  evaluate(options: {
    pages: AsyncIterable<Entity[]>;
    config: TeamInsightsConfig;
    /** Read once every page was sent: the report's `evaluatedAt`. */
    now: () => Date;
    signal: AbortSignal;
    /**
     * What earlier evaluations saw, for the timing rules; awaited once every
     * page was sent, so that reading it does not delay the catalog reads.
     */
    timeline?: TeamInsightsTimeline | Promise<TeamInsightsTimeline | undefined>;
  }): Promise<WorkerEvaluation> {
    const { pages, config, now, signal, timeline } = options;
    signal.throwIfAborted();
    const worker = this.#take();
    const release = (w: Worker, healthy: boolean) => this.#release(w, healthy);
    return new Promise<WorkerEvaluation>((resolve, reject) => {
      let settled = false;
      let report: Record<string, unknown[]> | undefined;
      let entityCount = 0;
      const historyRows: HistoryRow[] = [];
      const queue: FromWorker[] = [];
      let pumping = false;

      function onAbort() {
        finish(signal.reason);
      }
      function finish(error: unknown, result?: WorkerEvaluation) {
        if (settled) return;
        settled = true;
        queue.length = 0;
        signal.removeEventListener('abort', onAbort);
        worker.off('message', onMessage);
        worker.off('messageerror', onMessageError);
        worker.off('error', onError);
        worker.off('exit', onExit);
        release(worker, result !== undefined);
        if (result) resolve(result);
        else reject(error);
      }
      signal.addEventListener('abort', onAbort, { once: true });

      /** Handles one message from the worker. */
      const handle = (message: FromWorker) => {
        switch (message.type) {
          case 'report':
            report = message.skeleton as Record<string, unknown[]>;
            entityCount = message.entityCount;
            return;
          case 'items': {
            const target = report?.[message.key];
            if (!Array.isArray(target)) {
              throw new Error(`unexpected report field ${message.key}`);
            }
            for (const item of JSON.parse(`[${message.json}]`)) {
              target.push(item);
            }
            return;
          }
          case 'history':
            for (const row of JSON.parse(message.json) as HistoryRow[]) {
              historyRows.push(row);
            }
            return;
          case 'done':
            if (!report) throw new Error('the report did not arrive');
            finish(undefined, {
              report: report as unknown as Report,
              content: {
                hash: message.hash,
                compressed: Buffer.from(message.compressed),
                bytes: message.bytes,
              },
              historyRows,
              entityCount,
              evaluateMs: message.evaluateMs,
              serialiseMs: message.serialiseMs,
              nextTimeline: message.timeline,
            });
            return;
          case 'error': {
            const error = new Error(message.message);
            if (message.stack) error.stack = message.stack;
            finish(error);
            return;
          }
          default:
            throw new Error('unexpected message from the evaluation worker');
        }
      };

      // The worker's messages may arrive in a burst; handle one per task so
      // that requests waiting on the event loop get their turn in between.
      const pump = () => {
        const message = queue.shift();
        if (!message || settled) {
          pumping = false;
          return;
        }
        try {
          handle(message);
        } catch (error) {
          finish(error);
          return;
        }
        setImmediate(pump);
      };
      function onMessage(message: FromWorker) {
        queue.push(message);
        if (!pumping) {
          pumping = true;
          setImmediate(pump);
        }
      }
      function onError(error: Error) {
        finish(new Error(`the evaluation worker failed: ${error.message}`));
      }
      function onMessageError(error: unknown) {
        finish(
          new Error(`a message of the evaluation worker was lost: ${error}`),
        );
      }
      function onExit(code: number) {
        finish(
          new Error(
            `the evaluation worker stopped (exit code ${code}) before the report was complete`,
          ),
        );
      }
      worker.on('message', onMessage);
      worker.on('messageerror', onMessageError);
      worker.on('error', onError);
      worker.on('exit', onExit);

      const send = (message: ToWorker) => worker.postMessage(message);
      (async () => {
        for await (const page of pages) {
          // A page in slices, one event-loop turn apart: serialising 500
          // entities at once can hold the thread for tens of milliseconds
          // on a busy machine.
          for (let i = 0; i < page.length; i += HANDOVER_ENTITIES) {
            if (i > 0) await nextTurn();
            if (settled) return;
            send({
              type: 'page',
              json: JSON.stringify(
                page.length <= HANDOVER_ENTITIES
                  ? page
                  : page.slice(i, i + HANDOVER_ENTITIES),
              ),
            });
          }
          if (settled) return;
        }
        const history = await timeline;
        if (settled) return;
        send({
          type: 'evaluate',
          config,
          now: now().toISOString(),
          timeline: history,
        });
      })().catch(error => finish(error));
    });
  }
}
