import { round, Summary } from './stats';

/** When this run started, in milliseconds since the epoch. */
export const startedAt = Date.now();

/** Prints a progress line with the seconds since the run started. */
export function log(message: string) {
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(0).padStart(4);
  process.stdout.write(`[${seconds}s] ${message}\n`);
}

export const ms = (value: number) => `${Math.round(value)} ms`;
export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
/** `median unit (min …, max …)` of a series. */
export const range = (s: Summary, unit = 'ms') =>
  `${round(s.median, 1)} ${unit} (min ${round(s.min, 1)}, max ${round(
    s.max,
    1,
  )})`;
