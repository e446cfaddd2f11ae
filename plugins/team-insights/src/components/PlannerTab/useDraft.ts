import {
  parsePlan,
  PlanChange,
} from '@team-insights/plugin-team-insights-common';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/** The query parameter that holds the draft: the page's URL is the link to share. */
export const PLAN_PARAM = 'plan';

/** A draft as a URL-safe string (base64url of the change file's JSON). */
export function encodeDraft(changes: PlanChange[]): string {
  const json = JSON.stringify({ changes });
  const bytes = new TextEncoder().encode(json);
  let binary = '';
  bytes.forEach(b => {
    binary += String.fromCharCode(b);
  });
  return btoa(binary)
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/**
 * Reads a draft from its URL form; a link someone edited by hand gives an
 * error message, never a crash.
 */
export function decodeDraft(value: string | null): {
  changes: PlanChange[];
  error?: string;
} {
  if (!value) return { changes: [] };
  try {
    const binary = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, c => c.charCodeAt(0));
    return parsePlan(JSON.parse(new TextDecoder().decode(bytes)));
  } catch (error) {
    return {
      changes: [],
      error: `The draft in this link cannot be read: ${
        (error as Error).message
      }`,
    };
  }
}

/**
 * The draft of the planner, kept in the URL: every change is a new history
 * entry, so Back undoes it as well as the Undo button does, and the link
 * shares the draft.
 */
export function useDraft() {
  const [params, setParams] = useSearchParams();
  const encoded = params.get(PLAN_PARAM);
  const { changes, error } = useMemo(() => decodeDraft(encoded), [encoded]);
  const write = useCallback(
    (next: PlanChange[]) => {
      setParams(current => {
        const copy = new URLSearchParams(current);
        if (next.length) copy.set(PLAN_PARAM, encodeDraft(next));
        else copy.delete(PLAN_PARAM);
        return copy;
      });
    },
    [setParams],
  );
  return {
    changes,
    error,
    add: (change: PlanChange) => write([...changes, change]),
    undo: () => write(changes.slice(0, -1)),
    clear: () => write([]),
  };
}
