import { ServiceUnavailableError } from '@backstage/errors';

/**
 * A ServiceUnavailableError (503) that says when to try again: the router
 * answers it with a `Retry-After` header. Its name stays
 * `ServiceUnavailableError`, so Backstage's error handler and every caller
 * that checks `ServiceUnavailableError.is` treat it as one.
 */
export class RetryLaterError extends ServiceUnavailableError {
  /** Whole seconds, at least 1, after which a new attempt may succeed. */
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterMs: number, cause?: unknown) {
    super(message, cause);
    this.retryAfterSeconds = Math.max(
      1,
      Math.ceil(Math.max(0, retryAfterMs) / 1000),
    );
  }
}

/** The `Retry-After` seconds of an error, or undefined when it has none. */
export function retryAfterSecondsOf(error: unknown): number | undefined {
  if (!ServiceUnavailableError.is(error)) {
    return undefined;
  }
  const seconds = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0
    ? Math.ceil(seconds)
    : undefined;
}

/**
 * Settles like `promise`, or rejects with `onTimeout()` after `ms`, whichever
 * comes first. The promise itself runs on; its later rejection is ignored.
 */
export function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
  onTimeout: () => Error,
): Promise<T> {
  if (!Number.isFinite(ms)) {
    return promise;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), Math.max(0, ms));
  });
  promise.catch(() => {});
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
