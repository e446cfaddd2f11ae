/** What one caller may see of the current report. */
export interface CallerVisibility {
  /** True when the caller may read every entity in the catalog. */
  readonly all: boolean;
  /** Refs named in the report that the caller cannot read (lower case). */
  readonly hidden: ReadonlySet<string>;
  isVisible(entityRef: string): boolean;
}

/** Everyone sees everything: used for callers the catalog lets read all. */
export const VISIBLE_TO_ALL: CallerVisibility = {
  all: true,
  hidden: new Set(),
  isVisible: () => true,
};

export function hiding(hidden: ReadonlySet<string>): CallerVisibility {
  if (hidden.size === 0) {
    return VISIBLE_TO_ALL;
  }
  return {
    all: false,
    hidden,
    isVisible: ref => !hidden.has(ref.toLowerCase()),
  };
}
