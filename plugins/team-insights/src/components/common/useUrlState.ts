import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * One piece of a view's state kept in the URL's query (`?q=…&page=2`), so a
 * link shares the view and Back restores it. The default is left out of the
 * URL. Typing and paging replace the current history entry.
 */
export function useUrlState<T extends string | number | boolean>(
  key: string,
  fallback: T,
  options: {
    /** Keys to clear when this one changes (a filter resets the page). */
    resets?: readonly string[];
  } = {},
): [T, (value: T) => void] {
  const resets = (options.resets ?? []).join(',');
  const [params, setParams] = useSearchParams();
  const raw = params.get(key);
  let value = fallback;
  if (raw !== null) {
    if (typeof fallback === 'number') {
      const n = Number(raw);
      if (Number.isFinite(n)) value = n as T;
    } else if (typeof fallback === 'boolean') {
      value = (raw === 'true') as T;
    } else {
      value = raw as T;
    }
  }
  const set = useCallback(
    (next: T) =>
      setParams(
        current => {
          const updated = new URLSearchParams(current);
          if (next === fallback || next === '') updated.delete(key);
          else updated.set(key, String(next));
          for (const reset of resets ? resets.split(',') : []) {
            updated.delete(reset);
          }
          return updated;
        },
        { replace: true },
      ),
    [key, fallback, resets, setParams],
  );
  return [value, set];
}
