import { ANNOTATION_WAIVERS } from '../annotations';
import { BUILT_IN_CHECK_IDS } from '../catalogue';
import { daysBetween, utcDay } from '../days';
import type { Waiver } from '../types';
import { clip, closest, isPrototypeKey, MAX_ID_LENGTH, quote } from '../util';
import {
  FindingSink,
  type ParseOptions,
  type ParseResult,
  configOf,
  splitList,
} from './common';

/**
 * A waiver as parsed from `team-insights.io/waivers`.
 * @public
 */
export interface ParsedWaiver extends Waiver {
  checkId: string;
  /** True while `until` is today or later. */
  active: boolean;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d
  );
}

const SPACE = /\s/;

/**
 * Splits one waiver item into `[item, checkId, until, reason]` the way
 * `^([^\s:]+)(?:\s+until(?:\s+([^\s:]*))?)?\s*(?::([\s\S]*))?$/i` would,
 * in one left-to-right pass: that expression backtracks quadratically on long
 * runs of spaces. `steps`, when given, counts the characters looked at.
 * @internal
 */
export function readWaiverItem(
  item: string,
  steps?: { count: number },
): [string, string, string | undefined, string | undefined] | undefined {
  const n = item.length;
  const isSpace = (at: number) => {
    if (steps) steps.count += 1;
    return at < n && SPACE.test(item[at]);
  };
  const isWord = (at: number) => {
    if (steps) steps.count += 1;
    return at < n && item[at] !== ':' && !SPACE.test(item[at]);
  };
  const skipSpaces = (from: number) => {
    let at = from;
    while (isSpace(at)) at += 1;
    return at;
  };
  // The end of the item, or a colon followed by the reason.
  const tail = (at: number): [boolean, string | undefined] => {
    if (at >= n) return [true, undefined];
    if (item[at] === ':') return [true, item.slice(at + 1)];
    return [false, undefined];
  };
  let at = 0;
  while (isWord(at)) at += 1;
  if (at === 0) return undefined;
  const checkId = item.slice(0, at);
  const afterId = skipSpaces(at);
  if (
    afterId > at &&
    item.slice(afterId, afterId + 5).toLowerCase() === 'until' &&
    !isWord(afterId + 5)
  ) {
    const afterUntil = afterId + 5;
    let until: string | undefined;
    let end = afterUntil;
    const dateStart = skipSpaces(afterUntil);
    if (dateStart > afterUntil) {
      let dateEnd = dateStart;
      while (isWord(dateEnd)) dateEnd += 1;
      until = item.slice(dateStart, dateEnd);
      end = dateEnd;
    }
    const [ok, reason] = tail(skipSpaces(end));
    if (ok) return [item, checkId, until, reason];
    return undefined;
  }
  const [ok, reason] = tail(afterId);
  return ok ? [item, checkId, undefined, reason] : undefined;
}

/**
 * Parses `team-insights.io/waivers`:
 * `check-id until YYYY-MM-DD: reason; …`. A waiver without a date or reason,
 * for an unknown check id, or longer than `maxWaiverDays` is an error finding
 * and waives nothing; an expired one is a warning finding.
 * @public
 */
export function parseWaivers(
  value: string | undefined,
  options?: ParseOptions & {
    now?: Date;
    /** Known check ids; defaults to the built-in checks. */
    checkIds?: readonly string[];
  },
): ParseResult<ParsedWaiver[]> {
  const sink = new FindingSink(options?.entityRef ?? '', ANNOTATION_WAIVERS);
  if (value === undefined) return { value: [], findings: [] };
  if (typeof value !== 'string') {
    sink.add('annotation.not-a-string', {}, 'value must be a string');
    return { value: [], findings: sink.findings };
  }
  const config = configOf(options);
  const known = options?.checkIds ?? BUILT_IN_CHECK_IDS;
  const knownSet = new Set(known);
  const today = utcDay(options?.now ?? new Date());
  const items = splitList(value, sink, ';', 'waivers');
  if (!items) return { value: [], findings: sink.findings };
  const waivers: ParsedWaiver[] = [];
  const waived = new Set<string>();
  const example = `e.g. 'composition.team-size until ${today}: merging with another team this quarter'`;
  for (const item of items) {
    const match = readWaiverItem(item);
    if (!match) {
      sink.add(
        'waiver.unreadable',
        { params: { value: clip(item) } },
        `waiver ${quote(
          item,
        )} does not read as '<check-id> until <YYYY-MM-DD>: <reason>', ${example}; it waives nothing`,
      );
      continue;
    }
    const checkId = match[1].toLowerCase();
    const until = match[2];
    const reason = (match[3] ?? '').trim();
    if (!knownSet.has(checkId) || isPrototypeKey(checkId)) {
      const suggestion =
        checkId.length <= 2 * MAX_ID_LENGTH
          ? closest(checkId, known)
          : undefined;
      sink.add(
        'waiver.unknown-check',
        { params: { checkId: clip(match[1]), suggestion } },
        `waiver for unknown check ${quote(match[1])}${
          suggestion ? ` (did you mean '${suggestion}'?)` : ''
        } waives nothing`,
      );
      continue;
    }
    if (!until) {
      sink.add(
        'waiver.missing-date',
        { params: { checkId } },
        `waiver for '${checkId}' has no date; exceptions are meant to end: write '${checkId} until YYYY-MM-DD: reason'. It waives nothing`,
      );
      continue;
    }
    if (!isCalendarDate(until)) {
      sink.add(
        'waiver.invalid-date',
        { params: { checkId, until: clip(until) } },
        `waiver for '${checkId}' has date ${quote(
          until,
        )}, which is not a calendar date YYYY-MM-DD; it waives nothing`,
      );
      continue;
    }
    if (!reason) {
      sink.add(
        'waiver.missing-reason',
        { params: { checkId, until } },
        `waiver for '${checkId}' has no reason; say why, e.g. '${checkId} until ${until}: <why the exception is needed>'. It waives nothing`,
      );
      continue;
    }
    if (reason.length > 1000) {
      sink.add(
        'waiver.reason-too-long',
        { params: { checkId, until, length: reason.length } },
        `waiver for '${checkId}' has a reason of ${reason.length} characters, more than 1000; it waives nothing`,
      );
      continue;
    }
    const days = daysBetween(today, until);
    if (days > config.maxWaiverDays) {
      sink.add(
        'waiver.too-long',
        { params: { checkId, until, days, max: config.maxWaiverDays } },
        `waiver for '${checkId}' until ${until} is ${days} days long, more than the ${config.maxWaiverDays} allowed; exceptions are meant to end — pick an earlier date. It waives nothing`,
      );
      continue;
    }
    if (waived.has(checkId)) {
      sink.add(
        'waiver.duplicate',
        { params: { checkId } },
        `'${checkId}' is waived more than once; only the first waiver is used`,
      );
      continue;
    }
    const active = until >= today;
    if (!active) {
      sink.add(
        'waiver.expired',
        { params: { checkId, until } },
        `waiver for '${checkId}' expired on ${until}; the check counts as usual again. Fix what it excused, or remove the waiver`,
      );
    }
    waived.add(checkId);
    waivers.push({ checkId, until, reason, active });
  }
  return { value: waivers, findings: sink.findings };
}
