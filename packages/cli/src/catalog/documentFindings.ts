import type { LocatedFinding } from './findings';
import { locate, Position, SourceDocument } from './positions';
import type { UnresolvedPlaceholder } from './placeholders';

/** An error at a position in a YAML document, about an entity if given. */
export function problemAt(
  source: SourceDocument,
  position: Position,
  message: string,
  entityRef?: string,
): LocatedFinding {
  return {
    severity: 'error',
    path: source.file.path,
    line: position.line,
    column: position.column,
    ...(entityRef ? { entityRef } : {}),
    message,
  };
}

/**
 * A placeholder the CLI did not read: a warning where that is by design
 * (remote targets, `--no-placeholders`), an error otherwise.
 */
export function placeholderProblem(
  source: SourceDocument,
  placeholder: UnresolvedPlaceholder,
  ref: string,
): LocatedFinding {
  const { key, target, path } = placeholder;
  const field = path.join('.');
  const at = locate(source, [...path, key]);
  switch (placeholder.reason) {
    case 'remote':
      return {
        ...problemAt(
          source,
          at,
          `${key} placeholder ${target} is not fetched (the CLI works offline); ${field} counts as missing here, while the catalog fetches it`,
          ref,
        ),
        severity: 'warning',
      };
    case 'disabled':
      return {
        ...problemAt(
          source,
          at,
          `${key} placeholder ${target} is not read (--no-placeholders); ${field} counts as missing here`,
          ref,
        ),
        severity: 'warning',
      };
    default:
      return problemAt(
        source,
        at,
        `${key} placeholder ${target} is not read: ${placeholder.detail}; ${field} counts as missing here`,
        ref,
      );
  }
}
