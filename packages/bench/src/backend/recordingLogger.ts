import {
  coreServices,
  createServiceFactory,
  LoggerService,
  RootLoggerService,
} from '@backstage/backend-plugin-api';
import { WinstonLogger } from '@backstage/backend-defaults/rootLogger';
import type { JsonObject } from '@backstage/types';

/** A log line the benchmark waits for, with the time it was logged. */
export interface RecordedEvent {
  /** Position in the event log, from 1. */
  seq: number;
  /** `performance.timeOrigin + performance.now()` when it was logged. */
  at: number;
  plugin?: string;
  level: string;
  message: string;
}

/**
 * Messages the benchmark measures by: Team Insights' end-of-refresh line and
 * Tech Insights' start and end of a fact retrieval. Only these and errors
 * are kept (at most MAX_EVENTS), so the event log stays small however long
 * the backend runs.
 */
const INTERESTING = [
  /^Evaluated \d+ catalog entities/,
  /^Team Insights refresh .* failed/,
  /^Retrieving facts for fact retriever /,
  /^Stored \d+ facts for fact retriever /,
  /^Failed to (retrieve|insert) facts/,
];

const MAX_EVENTS = 100_000;
const events: RecordedEvent[] = [];

/** The recorded events after `seq`. */
export function eventsSince(seq: number): RecordedEvent[] {
  return events.slice(Math.max(0, seq));
}

/** The sequence number of the newest event, 0 when there is none. */
export function lastEventSeq(): number {
  return events.length;
}

class RecordingLogger implements RootLoggerService {
  constructor(
    private readonly inner: LoggerService,
    private readonly meta: JsonObject,
  ) {}

  private record(level: string, message: string) {
    if (typeof message !== 'string') return;
    if (events.length >= MAX_EVENTS) return;
    if (level !== 'error' && !INTERESTING.some(p => p.test(message))) return;
    events.push({
      seq: events.length + 1,
      at: performance.timeOrigin + performance.now(),
      plugin:
        typeof this.meta.plugin === 'string' ? this.meta.plugin : undefined,
      level,
      message,
    });
  }

  error(message: string, meta?: Error | JsonObject): void {
    this.record('error', message);
    this.inner.error(message, meta);
  }

  warn(message: string, meta?: Error | JsonObject): void {
    this.record('warn', message);
    this.inner.warn(message, meta);
  }

  info(message: string, meta?: Error | JsonObject): void {
    this.record('info', message);
    this.inner.info(message, meta);
  }

  debug(message: string, meta?: Error | JsonObject): void {
    this.inner.debug(message, meta);
  }

  child(meta: JsonObject): LoggerService {
    return new RecordingLogger(this.inner.child(meta), {
      ...this.meta,
      ...meta,
    });
  }
}

/**
 * The root logger of the bench backend: Backstage's own (winston, to the
 * console) that also notes, with a timestamp taken in the process, the
 * lines the benchmark measures by. Timing from inside the process leaves
 * out the scheduler's polling delay, which is the same for every plugin and
 * not part of their work.
 */
export const recordingRootLoggerServiceFactory = createServiceFactory({
  service: coreServices.rootLogger,
  deps: {},
  async factory() {
    const inner = WinstonLogger.create({
      meta: { service: 'backstage' },
      level: process.env.LOG_LEVEL || 'info',
    });
    return new RecordingLogger(inner, {});
  },
});
