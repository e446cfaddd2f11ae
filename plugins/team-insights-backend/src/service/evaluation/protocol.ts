import type {
  TeamInsightsConfig,
  TeamInsightsTimeline,
} from '@team-insights/plugin-team-insights-common';

/** What the evaluation worker finds in `workerData`. */
export interface EvaluationWorkerData {
  /** Marks a worker started by {@link evaluateInWorker}. */
  teamInsightsEvaluation: true;
}

/** Messages from the main thread to the evaluation worker. */
export type ToWorker =
  /** One page of the catalog, as JSON of an array of entities. */
  | { type: 'page'; json: string }
  /** Every page was sent: evaluate, serialise and hash. */
  | {
      type: 'evaluate';
      config: TeamInsightsConfig;
      now: string;
      timeline?: TeamInsightsTimeline;
    };

/** Messages from the evaluation worker to the main thread. */
export type FromWorker =
  /**
   * The report with its arrays empty: its scalar fields and its key order.
   * `items` messages fill the arrays.
   */
  | { type: 'report'; skeleton: Record<string, unknown>; entityCount: number }
  /** Consecutive items of one of the report's arrays, as `[${json}]`. */
  | { type: 'items'; key: string; json: string }
  /** Rows of the report's history, as JSON of an array. */
  | { type: 'history'; json: string }
  /** The report is complete; `compressed` is transferred, not copied. */
  | {
      type: 'done';
      hash: string;
      compressed: ArrayBuffer;
      bytes: number;
      evaluateMs: number;
      serialiseMs: number;
      /** The timeline advanced by this report, when one was sent. */
      timeline?: TeamInsightsTimeline;
    }
  | { type: 'error'; message: string; stack?: string };
