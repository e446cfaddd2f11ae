/** Default wait after the first failed refresh before a request may try again. */
const DEFAULT_BACKOFF_INITIAL_MS = 5_000;
/** Default longest wait between failed refreshes a request may start. */
const DEFAULT_BACKOFF_MAX_MS = 5 * 60_000;

/** The configured back-off, with its defaults; at least 1 ms, max ≥ initial. */
export function backOffLimits(backoff?: {
  initialMs?: number;
  maxMs?: number;
}): { initialMs: number; maxMs: number } {
  const initialMs = Math.max(
    1,
    backoff?.initialMs ?? DEFAULT_BACKOFF_INITIAL_MS,
  );
  const maxMs = Math.max(initialMs, backoff?.maxMs ?? DEFAULT_BACKOFF_MAX_MS);
  return { initialMs, maxMs };
}

/**
 * How long requests start no evaluation after `failuresInARow` failed
 * refreshes: a ceiling that doubles with each failure, from `initialMs` up
 * to `maxMs`, and a wait between half and all of it, at random (`random` in
 * [0, 1)), so that replicas spread out.
 */
export function backOffMs(
  failuresInARow: number,
  options: { initialMs: number; maxMs: number; random: number },
): number {
  const ceiling = Math.min(
    options.maxMs,
    options.initialMs * 2 ** Math.min(failuresInARow - 1, 30),
  );
  const random = Math.min(Math.max(options.random, 0), 1);
  return Math.round(ceiling / 2 + (random * ceiling) / 2);
}
