import { InputError } from '@backstage/errors';
import type { TeamsQuery } from '../api';

/** What a team is sorted by: the value of the sort key, or null (last). */
export type SortValue = string | number | null;

/** A team's place in an order: its sort value, then its entity ref. */
export type SortKey = [SortValue, string];

interface CursorPayload {
  /** Signature of the query the cursor belongs to. */
  s: string;
  /** Sort key of the last item of the previous page. */
  k: SortKey;
}

/** FNV-1a over the UTF-16 code units of `text`, from `seed`, as 8 hex digits. */
function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The signature of a query's filters and sort (not its cursor or limit): a
 * cursor only continues the query it came from. Not a secret, so a cheap
 * hash that runs in the browser too.
 */
export function querySignature(query: TeamsQuery): string {
  const { cursor: _cursor, limit: _limit, ...rest } = query;
  const canonical = JSON.stringify(
    Object.keys(rest)
      .sort()
      .map(key => [key, (rest as Record<string, unknown>)[key]]),
  );
  return fnv1a(canonical, 0x811c9dc5) + fnv1a(canonical, 0x01000193);
}

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary)
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, c => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** The opaque `nextCursor` that continues after `key` in query `signature`. */
export function encodeCursor(signature: string, key: SortKey): string {
  const payload: CursorPayload = { s: signature, k: key };
  return toBase64Url(JSON.stringify(payload));
}

const INVALID = 'Invalid cursor: pass nextCursor of a previous page';

/**
 * The sort key a cursor continues after; an InputError when the cursor is
 * not one this function's sibling wrote, or belongs to another query.
 */
export function decodeCursor(cursor: string, signature: string): SortKey {
  let payload: CursorPayload;
  try {
    payload = JSON.parse(fromBase64Url(cursor));
  } catch {
    throw new InputError(INVALID);
  }
  if (
    !payload ||
    typeof payload.s !== 'string' ||
    !Array.isArray(payload.k) ||
    payload.k.length !== 2 ||
    typeof payload.k[1] !== 'string' ||
    (!['string', 'number'].includes(typeof payload.k[0]) &&
      payload.k[0] !== null)
  ) {
    throw new InputError(INVALID);
  }
  if (payload.s !== signature) {
    throw new InputError(
      'The cursor belongs to a different query: keep the filters and sort of the first page, or start again without a cursor',
    );
  }
  return payload.k;
}
