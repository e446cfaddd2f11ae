/**
 * Calendar days as `YYYY-MM-DD` strings in UTC: how waivers, deadlines,
 * history and initiatives name a day.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** `YYYY-MM-DD` of a date, in UTC. @public */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Whole days from one `YYYY-MM-DD` day to another: negative when `to` is
 * before `from`.
 * @public
 */
export function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS,
  );
}

/** The `YYYY-MM-DD` day `days` days after `day` (before it when negative). @public */
export function addDays(day: string, days: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}
