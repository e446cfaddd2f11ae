/**
 * Parsers for the annotations of SPEC §2. Each returns `{ value, findings }`
 * and never throws: the valid part of a value is used, the invalid part is
 * ignored and a finding says what is wrong and how to fix it. Input is bounded
 * (values over 4 KiB, lists over 200 items) and every parser is linear in the
 * length of its input.
 */
import {
  ANNOTATION_CONCERN,
  ANNOTATION_DECLINED_PRODUCTS,
  ANNOTATION_REQUIRED_SKILLS,
  ANNOTATION_SKILLS,
  ANNOTATION_TEAM_TYPE,
  ANNOTATION_WAIVERS,
} from './annotations';
import { BUILT_IN_CHECK_IDS } from './catalogue';
import { daysBetween, utcDay } from './days';
import {
  clusterLookup,
  defaultTeamInsightsConfig,
  TeamInsightsConfig,
} from './config';
import { newFinding } from './findingCodes';
import type { FindingCode, NewFinding } from './findingCodes';
import type { Finding, TeamType, Waiver } from './types';
import {
  clip,
  closest,
  isPrototypeKey,
  isSlug,
  MAX_ID_LENGTH,
  MAX_LIST_ITEMS,
  MAX_VALUE_LENGTH,
  normalizeRef,
  quote,
} from './util';

/**
 * What a parser returns: the usable value and the findings about the rest.
 * @public
 */
export interface ParseResult<T> {
  value: T;
  findings: Finding[];
}

/**
 * Context of a parser call.
 * @public
 */
export interface ParseOptions {
  /** The entity carrying the annotation; findings name it. */
  entityRef?: string;
  /** Vocabulary and limits; defaults to {@link defaultTeamInsightsConfig}. */
  config?: TeamInsightsConfig;
}

class FindingSink {
  readonly findings: Finding[] = [];
  constructor(
    private readonly entityRef: string,
    private readonly annotation: string,
  ) {}
  /** Adds a finding of `code`, with the code's severity. */
  add(code: FindingCode, detail: Pick<NewFinding, 'params'>, message: string) {
    this.findings.push(
      newFinding({
        code,
        entityRef: this.entityRef,
        annotation: this.annotation,
        message,
        ...detail,
      }),
    );
  }
}

/**
 * Splits a list annotation into trimmed, non-empty items, enforcing the size
 * bounds. Returns undefined when the whole value is rejected.
 */
function splitList(
  value: string,
  sink: FindingSink,
  separator: string | RegExp,
  what: string,
): string[] | undefined {
  if (value.length > MAX_VALUE_LENGTH) {
    sink.add(
      'annotation.too-long',
      { params: { length: value.length, max: MAX_VALUE_LENGTH } },
      `value is ${value.length} characters long, more than the ${MAX_VALUE_LENGTH} allowed; it was ignored. Keep the annotation short: list only ${what}`,
    );
    return undefined;
  }
  const items: string[] = [];
  let total = 0;
  for (const raw of value.split(separator)) {
    const item = raw.trim();
    if (!item) continue;
    total += 1;
    if (items.length < MAX_LIST_ITEMS) items.push(item);
  }
  if (total > MAX_LIST_ITEMS) {
    sink.add(
      'annotation.too-many-items',
      { params: { count: total, max: MAX_LIST_ITEMS } },
      `${total} items, more than the ${MAX_LIST_ITEMS} allowed; only the first ${MAX_LIST_ITEMS} were used`,
    );
  }
  return items;
}

function configOf(options?: ParseOptions): TeamInsightsConfig {
  return options?.config ?? defaultTeamInsightsConfig;
}

/** Validates one cluster id (or alias); returns the cluster id or reports. */
function resolveCluster(
  raw: string,
  lookup: Map<string, string>,
  config: TeamInsightsConfig,
  sink: FindingSink,
): string | undefined {
  const id = raw.toLowerCase();
  const found = isPrototypeKey(id) ? undefined : lookup.get(id);
  if (found !== undefined) return found;
  if (isPrototypeKey(id)) {
    sink.add(
      'skills.unknown-cluster',
      { params: { value: clip(raw) } },
      `${quote(raw)} is not a skill cluster and was ignored`,
    );
    return undefined;
  }
  if (id.length > MAX_ID_LENGTH) {
    sink.add(
      'skills.unknown-cluster',
      { params: { value: clip(raw) } },
      `skill cluster id ${quote(
        raw,
      )} is longer than ${MAX_ID_LENGTH} characters and was ignored`,
    );
    return undefined;
  }
  const suggestion = closest(id, Array.from(lookup.keys()));
  if (suggestion !== undefined) {
    sink.add(
      'skills.unknown-cluster',
      { params: { value: clip(raw), suggestion: lookup.get(suggestion) } },
      `unknown skill cluster ${quote(raw)} (did you mean '${lookup.get(
        suggestion,
      )}'?)`,
    );
  } else {
    sink.add(
      'skills.unknown-cluster',
      { params: { value: clip(raw) } },
      `unknown skill cluster ${quote(
        raw,
      )}; known clusters are ${config.skillClusters.map(c => c.id).join(', ')}`,
    );
  }
  return undefined;
}

/**
 * The team types and their aliases.
 * @public
 */
export const TEAM_TYPE_ALIASES: Readonly<Record<string, TeamType>> =
  Object.freeze({
    feature: 'feature',
    'stream-aligned': 'feature',
    centralized: 'centralized',
    centralised: 'centralized',
    platform: 'centralized',
    expertise: 'expertise',
  });

/**
 * Parses `team-insights.io/team-type`. An unknown value is an error finding
 * and yields `undefined` (the team type counts as not declared).
 * @public
 */
export function parseTeamType(
  value: string | undefined,
  options?: ParseOptions,
): ParseResult<TeamType | undefined> {
  const sink = new FindingSink(options?.entityRef ?? '', ANNOTATION_TEAM_TYPE);
  if (value === undefined) return { value: undefined, findings: [] };
  if (typeof value !== 'string') {
    sink.add(
      'annotation.not-a-string',
      {},
      'value must be a string: feature, centralized or expertise',
    );
    return { value: undefined, findings: sink.findings };
  }
  if (value.length > MAX_VALUE_LENGTH) {
    sink.add(
      'annotation.too-long',
      { params: { length: value.length, max: MAX_VALUE_LENGTH } },
      `value is ${value.length} characters long and was ignored; use feature, centralized or expertise`,
    );
    return { value: undefined, findings: sink.findings };
  }
  const id = value.trim().toLowerCase();
  if (Object.prototype.hasOwnProperty.call(TEAM_TYPE_ALIASES, id)) {
    return { value: TEAM_TYPE_ALIASES[id], findings: [] };
  }
  const suggestion = closest(id, Object.keys(TEAM_TYPE_ALIASES));
  sink.add(
    'team-type.unknown',
    { params: { value: clip(value), suggestion } },
    `unknown team type ${quote(value)}${
      suggestion ? ` (did you mean '${suggestion}'?)` : ''
    }; use feature (alias stream-aligned), centralized (alias platform) or expertise`,
  );
  return { value: undefined, findings: sink.findings };
}

/**
 * The skills of a User or the head counts of a Group.
 * @public
 */
export interface SkillsAnnotation {
  /** Valid clusters in the order given, without duplicates. */
  clusters: string[];
  /** A User's primary cluster: the first valid one. */
  primary?: string;
  /** True when the annotation has at least one non-empty item, valid or not. */
  declared: boolean;
  /** A Group's head counts per cluster (empty for Users). */
  headCounts: Record<string, number>;
}

/**
 * Parses `team-insights.io/skills`: `cluster, …` on a User (the first valid
 * cluster is the primary one) or `cluster=count, …` on a Group (head counts of
 * people not modelled as Users, counts 1–1000).
 * @public
 */
export function parseSkillsAnnotation(
  value: string | undefined,
  options?: ParseOptions & { kind?: 'user' | 'group' },
): ParseResult<SkillsAnnotation> {
  const sink = new FindingSink(options?.entityRef ?? '', ANNOTATION_SKILLS);
  const result: SkillsAnnotation = {
    clusters: [],
    declared: false,
    headCounts: {},
  };
  if (value === undefined) return { value: result, findings: [] };
  if (typeof value !== 'string') {
    sink.add('annotation.not-a-string', {}, 'value must be a string');
    return { value: result, findings: sink.findings };
  }
  const config = configOf(options);
  const lookup = clusterLookup(config);
  const isGroup = options?.kind === 'group';
  const items = splitList(
    value,
    sink,
    ',',
    isGroup ? 'cluster=count pairs' : 'skill cluster ids',
  );
  if (!items) return { value: result, findings: sink.findings };
  result.declared = items.length > 0;
  const seen = new Set<string>();
  for (const item of items) {
    const eq = item.indexOf('=');
    if (isGroup) {
      if (eq < 0) {
        sink.add(
          'skills.missing-head-count',
          { params: { value: clip(item) } },
          `${quote(
            item,
          )} has no head count; on a Group write cluster=count, e.g. ${quote(
            `${item.toLowerCase()}=1`,
          )} (people modelled as Users count by themselves)`,
        );
        continue;
      }
      const cluster = resolveCluster(
        item.slice(0, eq).trim(),
        lookup,
        config,
        sink,
      );
      const rawCount = item.slice(eq + 1).trim();
      const count = /^[0-9]{1,4}$/.test(rawCount) ? Number(rawCount) : NaN;
      if (!(count >= 1 && count <= 1000)) {
        sink.add(
          'skills.invalid-head-count',
          { params: { value: clip(item), count: clip(rawCount) } },
          `head count ${quote(rawCount)} in ${quote(
            item,
          )} is not a whole number from 1 to 1000; it was ignored`,
        );
        continue;
      }
      if (cluster === undefined) continue;
      if (seen.has(cluster)) {
        sink.add(
          'skills.duplicate-cluster',
          { params: { cluster, count: result.headCounts[cluster] + count } },
          `'${cluster}' is listed more than once; the counts were added up. Write it once, e.g. '${cluster}=${
            result.headCounts[cluster] + count
          }'`,
        );
        result.headCounts[cluster] += count;
      } else {
        seen.add(cluster);
        result.headCounts[cluster] = count;
        result.clusters.push(cluster);
      }
    } else {
      if (eq >= 0) {
        sink.add(
          'skills.unexpected-count',
          { params: { value: clip(item) } },
          `${quote(
            item,
          )} has a count; counts are for a Group's head counts. On a User list the clusters the person brings, primary first, e.g. ${quote(
            item.slice(0, eq).trim().toLowerCase(),
          )}`,
        );
        continue;
      }
      const cluster = resolveCluster(item, lookup, config, sink);
      if (cluster === undefined) continue;
      if (seen.has(cluster)) {
        sink.add(
          'skills.duplicate-cluster',
          { params: { cluster } },
          `'${cluster}' is listed more than once`,
        );
        continue;
      }
      seen.add(cluster);
      result.clusters.push(cluster);
    }
  }
  if (!isGroup) result.primary = result.clusters[0];
  return { value: result, findings: sink.findings };
}

/**
 * Parses `team-insights.io/required-skills`. Returns undefined when the
 * annotation is absent or has no valid cluster (the team type's default
 * applies then).
 * @public
 */
export function parseRequiredSkills(
  value: string | undefined,
  options?: ParseOptions,
): ParseResult<string[] | undefined> {
  const sink = new FindingSink(
    options?.entityRef ?? '',
    ANNOTATION_REQUIRED_SKILLS,
  );
  if (value === undefined) return { value: undefined, findings: [] };
  if (typeof value !== 'string') {
    sink.add('annotation.not-a-string', {}, 'value must be a string');
    return { value: undefined, findings: sink.findings };
  }
  const config = configOf(options);
  const lookup = clusterLookup(config);
  const items = splitList(value, sink, ',', 'skill cluster ids');
  if (!items) return { value: undefined, findings: sink.findings };
  const clusters: string[] = [];
  for (const item of items) {
    if (item.includes('=')) {
      sink.add(
        'skills.unexpected-count',
        { params: { value: clip(item) } },
        `${quote(
          item,
        )} has a count; required skills are a list of cluster ids, e.g. 'data-scientist, data-engineer'`,
      );
      continue;
    }
    const cluster = resolveCluster(item, lookup, config, sink);
    if (cluster !== undefined && !clusters.includes(cluster)) {
      clusters.push(cluster);
    }
  }
  if (clusters.length === 0 && items.length > 0) {
    sink.add(
      'required-skills.none-valid',
      {},
      "no valid cluster is listed, so the team type's required clusters apply",
    );
  }
  return {
    value: clusters.length ? clusters : undefined,
    findings: sink.findings,
  };
}

/**
 * The longest reason a declined product keeps, in characters; a longer one is
 * cut there, with a warning.
 * @public
 */
export const MAX_DECLINE_REASON_LENGTH = 200;

/**
 * One item of `team-insights.io/declined-products`: the product and, when
 * the team gave one, why it declined it.
 * @public
 */
export interface DeclinedProduct {
  /** The product's entity ref, lower case. */
  productRef: string;
  /** Why the team declined it, trimmed; absent when no reason was given. */
  reason?: string;
}

function refOfDeclined(item: string, namespace: string): string | undefined {
  return item.length > 1024
    ? undefined
    : normalizeRef(item, {
        defaultKind: 'component',
        defaultNamespace: namespace,
        strict: true,
      });
}

/**
 * Splits one item into the product and its reason. Its findings name the
 * product only in `params.product`, not in `entityRefs`: they are about the
 * team's own text, which reads the same whether the product exists or not.
 *
 * The reason follows the first `: ` (colon and space). Typos are read as
 * meant: a colon without the space (`feature-store:needs streaming`) when
 * what precedes it is a ref and the whole is not, and a colon with nothing
 * after it.
 */
function splitDeclined(
  entry: string,
  namespace: string,
  sink: FindingSink,
): DeclinedProduct | undefined {
  const reasonAt = entry.indexOf(': ');
  let item = reasonAt < 0 ? entry : entry.slice(0, reasonAt).trim();
  let reason = reasonAt < 0 ? undefined : entry.slice(reasonAt + 2).trim();
  let ref = refOfDeclined(item, namespace);
  if (ref === undefined && reasonAt < 0 && item.endsWith(':')) {
    // `feature-store:`: a reason was meant and left out
    const bare = item.slice(0, -1).trim();
    ref = refOfDeclined(bare, namespace);
    if (ref !== undefined) {
      item = bare;
      reason = '';
    }
  }
  if (ref === undefined && reasonAt < 0) {
    // `feature-store:needs streaming`: the space after the colon is missing.
    // A ref holds at most one ':', so the reason starts at the first or second.
    const first = item.indexOf(':');
    const second = first < 0 ? -1 : item.indexOf(':', first + 1);
    for (const at of [second, first]) {
      const head = item.slice(0, at).trim();
      // `component:default/has spaces` is a broken ref, not `component` + a reason
      const tailIsRef = /^[\w.-]+\//.test(item.slice(at + 1));
      const candidate =
        at > 0 && !tailIsRef ? refOfDeclined(head, namespace) : undefined;
      if (candidate !== undefined) {
        sink.add(
          'declined-products.reason-missing-space',
          { params: { value: clip(head), product: candidate } },
          `${quote(
            head,
          )}: put a space after the ':' that starts the reason, e.g. 'feature-store: needs streaming'`,
        );
        ref = candidate;
        reason = item.slice(at + 1).trim();
        item = head;
        break;
      }
    }
  }
  if (ref === undefined) {
    sink.add(
      'declined-products.invalid-ref',
      { params: { value: clip(item) } },
      `${quote(
        item,
      )} is not an entity ref; write [kind:][namespace/]name, e.g. 'component:default/feature-store'`,
    );
    return undefined;
  }
  if (reason === undefined) return { productRef: ref };
  if (!reason) {
    sink.add(
      'declined-products.empty-reason',
      { params: { value: clip(item), product: ref } },
      `${quote(
        item,
      )} has a ':' but no reason after it; say why the team declined it, or drop the ':'`,
    );
    return { productRef: ref };
  }
  if (reason.length > MAX_DECLINE_REASON_LENGTH) {
    sink.add(
      'declined-products.reason-too-long',
      {
        params: {
          value: clip(item),
          product: ref,
          length: reason.length,
          max: MAX_DECLINE_REASON_LENGTH,
        },
      },
      `the reason for ${quote(item)} is ${
        reason.length
      } characters long; only the first ${MAX_DECLINE_REASON_LENGTH} are kept. Keep it to a sentence; link to a longer write-up`,
    );
    reason = `${reason.slice(0, MAX_DECLINE_REASON_LENGTH - 1).trimEnd()}…`;
  }
  return { productRef: ref, reason };
}

/**
 * Parses `team-insights.io/declined-products`: products (entity refs;
 * Components by default, in the entity's namespace by default), each with an
 * optional reason after `: `, items separated by `,` or `;` (so a reason
 * holds neither). A product listed twice keeps its first reason.
 * @public
 */
export function parseDeclineReasons(
  value: string | undefined,
  options?: ParseOptions & { defaultNamespace?: string },
): ParseResult<DeclinedProduct[]> {
  const sink = new FindingSink(
    options?.entityRef ?? '',
    ANNOTATION_DECLINED_PRODUCTS,
  );
  if (value === undefined) return { value: [], findings: [] };
  if (typeof value !== 'string') {
    sink.add('annotation.not-a-string', {}, 'value must be a string');
    return { value: [], findings: sink.findings };
  }
  const items = splitList(value, sink, /[,;]/, 'entity refs of products');
  if (!items) return { value: [], findings: sink.findings };
  const declined: DeclinedProduct[] = [];
  const namespace = options?.defaultNamespace ?? 'default';
  for (const entry of items) {
    const item = splitDeclined(entry, namespace, sink);
    if (!item) continue;
    const seen = declined.find(d => d.productRef === item.productRef);
    if (!seen) declined.push(item);
    else if (seen.reason === undefined && item.reason !== undefined) {
      seen.reason = item.reason;
    }
  }
  return { value: declined, findings: sink.findings };
}

/**
 * Parses `team-insights.io/declined-products` into the products' refs; see
 * {@link parseDeclineReasons} for the reasons too.
 * @public
 */
export function parseDeclinedProducts(
  value: string | undefined,
  options?: ParseOptions & { defaultNamespace?: string },
): ParseResult<string[]> {
  const { value: declined, findings } = parseDeclineReasons(value, options);
  return { value: declined.map(d => d.productRef), findings };
}

/**
 * Parses a `true` | `false` annotation (any case). Any other value is an
 * error finding and yields undefined, so the default applies.
 * @public
 */
export function parseBooleanAnnotation(
  value: string | undefined,
  options: ParseOptions & { annotation: string },
): ParseResult<boolean | undefined> {
  const sink = new FindingSink(options.entityRef ?? '', options.annotation);
  if (value === undefined) return { value: undefined, findings: [] };
  const text =
    typeof value === 'string' && value.length <= MAX_VALUE_LENGTH
      ? value.trim().toLowerCase()
      : undefined;
  if (text === 'true') return { value: true, findings: [] };
  if (text === 'false') return { value: false, findings: [] };
  sink.add(
    'annotation.not-a-boolean',
    { params: typeof value === 'string' ? { value: clip(value) } : {} },
    `${
      typeof value === 'string' ? quote(value) : 'the value'
    } is not a boolean; write 'true' or 'false' (quoted in YAML). The default applies`,
  );
  return { value: undefined, findings: sink.findings };
}

/**
 * Parses `team-insights.io/concern`: one slug such as `monitoring`.
 * @public
 */
export function parseConcern(
  value: string | undefined,
  options?: ParseOptions,
): ParseResult<string | undefined> {
  const sink = new FindingSink(options?.entityRef ?? '', ANNOTATION_CONCERN);
  if (value === undefined) return { value: undefined, findings: [] };
  if (typeof value !== 'string' || value.length > MAX_VALUE_LENGTH) {
    sink.add(
      typeof value === 'string'
        ? 'annotation.too-long'
        : 'annotation.not-a-string',
      {},
      "the value was ignored; write one short slug such as 'monitoring' or 'batch-scheduling'",
    );
    return { value: undefined, findings: sink.findings };
  }
  const concern = value.trim().toLowerCase();
  if (!concern) {
    sink.add(
      'concern.empty',
      {},
      "the concern is empty; write a slug such as 'monitoring', or remove the annotation",
    );
    return { value: undefined, findings: sink.findings };
  }
  if (concern.includes(',')) {
    sink.add(
      'concern.several',
      { params: { value: clip(value) } },
      `${quote(
        value,
      )} lists several concerns; an entity addresses one cross-cutting concern — split it into one entity per concern`,
    );
    return { value: undefined, findings: sink.findings };
  }
  if (!isSlug(concern) || isPrototypeKey(concern)) {
    sink.add(
      'concern.invalid',
      { params: { value: clip(value) } },
      `${quote(
        value,
      )} is not a valid concern; use lower-case letters, digits and dashes (at most ${MAX_ID_LENGTH} characters), e.g. 'batch-scheduling'`,
    );
    return { value: undefined, findings: sink.findings };
  }
  return { value: concern, findings: [] };
}

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
