import { defaultTeamInsightsConfig, TeamInsightsConfig } from '../config';
import { newFinding } from '../findingCodes';
import type { FindingCode, NewFinding } from '../findingCodes';
import type { Finding } from '../types';
import {
  clip,
  closest,
  isPrototypeKey,
  MAX_ID_LENGTH,
  MAX_LIST_ITEMS,
  MAX_VALUE_LENGTH,
  quote,
} from '../util';

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

export class FindingSink {
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
export function splitList(
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

export function configOf(options?: ParseOptions): TeamInsightsConfig {
  return options?.config ?? defaultTeamInsightsConfig;
}

/** Validates one cluster id (or alias); returns the cluster id or reports. */
export function resolveCluster(
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
