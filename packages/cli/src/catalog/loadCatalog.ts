import {
  Entity,
  entityEnvelopeSchemaValidator,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { Document, LineCounter, parseAllDocuments } from 'yaml';
import { CatalogFiles, describe } from './files';
import { fileFinding, LocatedFinding } from './findings';
import {
  locate,
  Position,
  positionAt,
  SourceDocument,
  SourceFile,
} from './positions';
import { processEntity } from './processEntity';
import { UnresolvedPlaceholder } from './placeholders';
import {
  formatSize,
  MAX_FILE_BYTES,
  MAX_NESTING,
  nestsDeeperThan,
  readLimited,
} from './readLimited';
import {
  attachRelations,
  EmittedRelation,
} from '@team-insights/plugin-team-insights-common';
import { Skeleton, skeletonOf, templateSkeletons } from './templates';
import { isObject } from '../util';

export type { LocatedFinding } from './findings';

/** Everything read from the files, ready for the engine. */
export interface LoadedCatalog {
  /** The entities the catalog would hold, with their relations. */
  entities: Entity[];
  /** Where each entity (by lower-cased ref) was read from. */
  sources: Map<string, SourceDocument>;
  /**
   * Problems found while finding and reading the files: folders and files
   * not read, YAML errors, rejected or duplicate entities, placeholders not
   * resolved, skeletons skipped.
   */
  problems: LocatedFinding[];
  /** Number of files read as catalog data. */
  fileCount: number;
}

/** Options of {@link loadCatalog}. */
export interface LoadOptions {
  /** `false` for `--no-placeholders`. Default: resolve them. */
  placeholders?: boolean;
}

// Catalog entities use apiVersions of the backstage.io family
// (backstage.io/v1alpha1, scaffolder.backstage.io/v1beta3, ...). YAML with
// another apiVersion (a Kubernetes manifest, say) is not catalog data.
const CATALOG_API_VERSION = /(^|\.)backstage\.io\//;

const validateEnvelope = entityEnvelopeSchemaValidator();

function problemAt(
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

function placeholderProblem(
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

interface ParsedFile {
  file: SourceFile;
  documents: Document.Parsed[];
}

async function readFile(
  ref: CatalogFiles['files'][number],
  problems: LocatedFinding[],
): Promise<ParsedFile | undefined> {
  let text: string;
  try {
    const read = await readLimited(ref.realPath, MAX_FILE_BYTES);
    if (read.kind === 'too-large') {
      problems.push(
        fileFinding(
          'error',
          ref.path,
          `this file is ${formatSize(read.size)}, more than the ${formatSize(
            MAX_FILE_BYTES,
          )} the CLI reads; it is not checked (list it in .team-insightsignore if it is not catalog data)`,
        ),
      );
      return undefined;
    }
    if (read.kind === 'not-regular') {
      problems.push(
        fileFinding('warning', ref.path, 'not a regular file; not read'),
      );
      return undefined;
    }
    text = read.text;
  } catch (error) {
    problems.push(
      fileFinding(
        'warning',
        ref.path,
        `cannot read this file (${describe(error)}); it is not checked`,
      ),
    );
    return undefined;
  }
  if (nestsDeeperThan(text, MAX_NESTING)) {
    problems.push(
      fileFinding(
        ref.explicit || text.includes('backstage.io/') ? 'error' : 'warning',
        ref.path,
        `this file nests [ and { more than ${MAX_NESTING} levels deep, which no catalog data needs; it is not checked`,
      ),
    );
    return undefined;
  }
  const lineCounter = new LineCounter();
  const file: SourceFile = {
    path: ref.path,
    explicit: ref.explicit,
    text,
    lineCounter,
  };
  const documents = parseAllDocuments(text, {
    lineCounter,
    merge: false,
    prettyErrors: false,
  });
  return { file, documents: Array.isArray(documents) ? documents : [] };
}

/**
 * Reads catalog files as the catalog would: every YAML document is parsed
 * (multi-document files work, merge keys off as in the catalog), documents
 * that are not catalog entities are skipped, each entity is processed as
 * in {@link processEntity}, duplicates keep the first definition, and the
 * entities get the relations the catalog would stitch onto them.
 * `Location` entities are read like any other but not followed. Files
 * larger than {@link MAX_FILE_BYTES} are not read, and the skeletons that
 * Scaffolder templates among the files fetch are skipped with a note.
 * A file or entity that cannot be read or processed is a finding; the
 * others are still read.
 */
export async function loadCatalog(
  found: CatalogFiles,
  displayPath: (absolute: string) => string,
  options: LoadOptions = {},
): Promise<LoadedCatalog> {
  const problems: LocatedFinding[] = [...found.problems];
  const sources = new Map<string, SourceDocument>();
  const entities: Entity[] = [];
  const emitted: EmittedRelation[] = [];
  const placeholders = {
    boundary: found.boundary,
    resolve: options.placeholders ?? true,
  };

  const parsed: ParsedFile[] = [];
  for (const ref of found.files) {
    const file = await readFile(ref, problems);
    if (file) {
      parsed.push(file);
    }
  }

  const skeletons: Skeleton[] = parsed.flatMap(({ file, documents }) =>
    documents.flatMap((doc, index) =>
      doc.errors.length ? [] : templateSkeletons({ file, doc, index }),
    ),
  );
  const skipped = new Map<Skeleton, number>();
  let fileCount = 0;

  for (const { file, documents } of parsed) {
    const skeleton = skeletonOf(file.path, skeletons);
    if (skeleton) {
      skipped.set(skeleton, (skipped.get(skeleton) ?? 0) + 1);
      continue;
    }
    fileCount += 1;
    // YAML errors in files found in folders only matter for files that
    // look like catalog data; a broken Helm template is not ours to judge.
    const reportYamlErrors =
      file.explicit || file.text.includes('backstage.io/');

    for (let index = 0; index < documents.length; index++) {
      const source: SourceDocument = { file, doc: documents[index], index };
      try {
        await readDocument(source, reportYamlErrors);
      } catch (error) {
        // Whatever a document does, the others are still read.
        problems.push(
          problemAt(
            source,
            locate(source, []),
            `this document could not be read: ${(error as Error).message}`,
          ),
        );
      }
    }
  }

  for (const [skeleton, count] of skipped) {
    problems.push({
      ...problemAt(
        skeleton.source,
        skeleton.position,
        `${skeleton.url} is the skeleton of template ${skeleton.template} (${
          skeleton.action
        }): its ${count} YAML ${
          count === 1 ? 'file is' : 'files are'
        } the start of new projects, not catalog data, and ${
          count === 1 ? 'is' : 'are'
        } not read`,
      ),
      severity: 'note',
    });
  }

  async function readDocument(
    source: SourceDocument,
    reportYamlErrors: boolean,
  ): Promise<void> {
    const { doc, file } = source;
    if (doc.errors.length) {
      if (reportYamlErrors) {
        // Like the catalog, the first error only: the rest usually follow
        // from it.
        const [error] = doc.errors;
        problems.push(
          problemAt(
            source,
            positionAt(file, error.pos[0]),
            `YAML syntax error: ${error.message}; the catalog skips this document`,
          ),
        );
      }
      return;
    }
    let json: unknown;
    try {
      json = doc.toJSON();
    } catch (error) {
      if (reportYamlErrors) {
        problems.push(
          problemAt(
            source,
            locate(source, []),
            `YAML error: ${(error as Error).message}`,
          ),
        );
      }
      return;
    }
    if (
      !isObject(json) ||
      typeof json.apiVersion !== 'string' ||
      !CATALOG_API_VERSION.test(json.apiVersion)
    ) {
      return;
    }

    let raw: Entity;
    try {
      raw = validateEnvelope(json) as Entity;
    } catch (error) {
      const message = (error as Error).message;
      problems.push(
        problemAt(
          source,
          locate(source, ['metadata', 'name']),
          `not a valid catalog entity, the catalog rejects it: ${message}`,
        ),
      );
      return;
    }

    const ref = stringifyEntityRef(raw);
    const first = sources.get(ref);
    if (first) {
      const at = locate(first, ['metadata', 'name']);
      problems.push(
        problemAt(
          source,
          locate(source, ['metadata', 'name']),
          `duplicate entity ${ref}: already defined at ${displayPath(
            first.file.path,
          )}:${at.line}:${
            at.column
          }; the catalog keeps the first definition and rejects this one`,
          ref,
        ),
      );
      return;
    }
    sources.set(ref, source);

    const outcome = await processEntity(raw, file.path, placeholders);
    if (outcome.outcome === 'rejected') {
      problems.push(
        problemAt(
          source,
          locate(source, outcome.path ?? ['metadata', 'name']),
          `the catalog rejects this entity: ${outcome.message}`,
          ref,
        ),
      );
      return;
    }
    if (outcome.outcome === 'foreign') {
      // Kinds such as Template need processors this catalog does not
      // have; Team Insights does not score them.
      return;
    }
    for (const placeholder of outcome.unresolvedPlaceholders) {
      problems.push(placeholderProblem(source, placeholder, ref));
    }
    entities.push(outcome.entity);
    emitted.push(...outcome.relations);
  }

  attachRelations(entities, emitted);
  return { entities, sources, problems, fileCount };
}
