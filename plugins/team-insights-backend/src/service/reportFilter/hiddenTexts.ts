import { plural } from '@team-insights/plugin-team-insights-common';
import type { Finding } from '@team-insights/plugin-team-insights-common';

/*
 * How texts that name entities a caller cannot see are spotted and what
 * replaces them; see the notes at the top of ../filterReport.ts.
 */

const TOKEN_SPLIT = /[\s,;()[\]{}"'`<>|!?*]+/;

/** Words of a text that could be an entity ref or a name. */
function tokensOf(text: string): string[] {
  return text
    .split(TOKEN_SPLIT)
    .map(token => token.replace(/^[.:]+|[.:]+$/g, '').toLowerCase())
    .filter(Boolean);
}

/** Hidden refs and their bare names, for spotting them in texts. */
export class HiddenNames {
  readonly #tokens = new Set<string>();

  constructor(hidden: ReadonlySet<string>) {
    for (const ref of hidden) {
      this.#tokens.add(ref);
      const slash = ref.indexOf('/');
      const colon = ref.indexOf(':');
      if (slash > 0) {
        this.#tokens.add(ref.slice(slash + 1));
        this.#tokens.add(ref.slice(colon + 1));
      }
    }
  }

  /** Whether the text mentions a hidden entity. */
  mentionedIn(text: string | undefined): boolean {
    if (!text || this.#tokens.size === 0) {
      return false;
    }
    return tokensOf(text).some(token => this.#tokens.has(token));
  }
}

/** What a decline reason that names entities the caller cannot see becomes. */
export const HIDDEN_REASON =
  'The reason names entities you cannot see in the catalog, so it is hidden.';

/** What a custom check's error becomes for a caller who may not see all. */
export const HIDDEN_ERROR =
  'Its error is hidden, as it may name entities you cannot see in the catalog.';

export function hiddenNotice(hiddenCount: number, visible: string[]): string {
  const parts = [
    hiddenCount > 0
      ? `This result involves ${plural(
          hiddenCount,
          'entity you cannot see',
          'entities you cannot see',
        )} in the catalog, so its details are hidden.`
      : 'This result names entities you cannot see in the catalog, so its details are hidden.',
  ];
  if (visible.length > 0) {
    parts.push(`Entities involved that you can see: ${visible.join(', ')}.`);
  }
  return parts.join(' ');
}

/** A finding whose details name entities the caller cannot see. */
export function maskedFinding(
  finding: Finding,
  visibleRefs: string[],
): Finding {
  const result: Finding = {
    ...finding,
    message:
      'This annotation refers to entities you cannot see in the catalog, so the details are hidden.',
  };
  delete result.params;
  if (visibleRefs.length) result.entityRefs = visibleRefs;
  else delete result.entityRefs;
  return result;
}
