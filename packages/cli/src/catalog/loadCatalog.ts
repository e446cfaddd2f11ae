import type { Entity } from '@backstage/catalog-model';
import { attachRelations } from '@team-insights/plugin-team-insights-common';
import { problemAt } from './documentFindings';
import type { CatalogFiles } from './files';
import type { LocatedFinding } from './findings';
import { documentOf, locate, SourceDocument } from './positions';
import { looksLikeCatalogData, readCatalogFiles } from './readCatalogFile';
import { CatalogInProgress, readDocument } from './readDocument';
import { Skeleton, skeletonOf } from './templates';

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
  /**
   * `false` when few positions will be asked for after loading: each
   * file's syntax trees are then dropped once it is read, and parsed again
   * if a position in it is asked for. Default: keep them.
   */
  keepSyntaxTrees?: boolean;
}

/** The note that the YAML files of a template's skeleton were not read. */
function skeletonNote(skeleton: Skeleton, count: number): LocatedFinding {
  return {
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
  };
}

/**
 * Reads catalog files as the catalog would: every YAML document is parsed
 * (multi-document files work, merge keys off as in the catalog), documents
 * that are not catalog entities are skipped, each entity is processed as
 * in `processEntity`, duplicates keep the first definition, and the
 * entities get the relations the catalog would stitch onto them.
 * `Location` entities are read like any other but not followed. Files
 * larger than `MAX_FILE_BYTES` are not read, and the skeletons that
 * Scaffolder templates among the files fetch are skipped with a note.
 * A file or entity that cannot be read or processed is a finding; the
 * others are still read.
 */
export async function loadCatalog(
  found: CatalogFiles,
  displayPath: (absolute: string) => string,
  options: LoadOptions = {},
): Promise<LoadedCatalog> {
  const catalog: CatalogInProgress = {
    problems: [...found.problems],
    sources: new Map(),
    entities: [],
    emitted: [],
    placeholders: {
      boundary: found.boundary,
      resolve: options.placeholders ?? true,
    },
    displayPath,
  };
  const { problems } = catalog;

  const parsed = await readCatalogFiles(found.files, problems, {
    keepSyntaxTrees: options.keepSyntaxTrees,
  });

  const skeletons: Skeleton[] = parsed.flatMap(({ documents }) =>
    documents.flatMap(doc => doc.skeletons),
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
    const reportYamlErrors = looksLikeCatalogData(file);

    for (let index = 0; index < documents.length; index++) {
      const source = documentOf(file, index);
      try {
        await readDocument(source, documents[index], reportYamlErrors, catalog);
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
    problems.push(skeletonNote(skeleton, count));
  }

  attachRelations(catalog.entities, catalog.emitted);
  return {
    entities: catalog.entities,
    sources: catalog.sources,
    problems,
    fileCount,
  };
}
