import fs from 'node:fs/promises';
import {
  Entity,
  entityEnvelopeSchemaValidator,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { LineCounter, parseAllDocuments } from 'yaml';
import { CatalogFileRef, unreadable } from './files';
import { locate, Position, positionAt, SourceDocument } from './positions';
import { processEntity } from './processEntity';
import { attachRelations, EmittedRelation } from './relations';
import { isObject } from '../util';

/** A finding with the place in a file it is about. */
export interface LocatedFinding {
  severity: 'error' | 'warning';
  /** Absolute path of the file. */
  path: string;
  line: number;
  column: number;
  entityRef?: string;
  annotation?: string;
  message: string;
}

/** Everything read from the files, ready for the engine. */
export interface LoadedCatalog {
  /** The entities the catalog would hold, with their relations. */
  entities: Entity[];
  /** Where each entity (by lower-cased ref) was read from. */
  sources: Map<string, SourceDocument>;
  /** Problems found while reading: YAML errors, rejected or duplicate entities. */
  problems: LocatedFinding[];
  /** Number of files read. */
  fileCount: number;
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

/**
 * Reads catalog files as the catalog would: every YAML document is parsed
 * (multi-document files work, merge keys off as in the catalog), documents
 * that are not catalog entities are skipped, each entity is processed as
 * in {@link processEntity}, duplicates keep the first definition, and the
 * entities get the relations the catalog would stitch onto them.
 * `Location` entities are read like any other but not followed.
 */
export async function loadCatalog(
  files: CatalogFileRef[],
  displayPath: (absolute: string) => string,
): Promise<LoadedCatalog> {
  const problems: LocatedFinding[] = [];
  const sources = new Map<string, SourceDocument>();
  const entities: Entity[] = [];
  const emitted: EmittedRelation[] = [];

  for (const fileRef of files) {
    let text: string;
    try {
      text = await fs.readFile(fileRef.path, 'utf8');
    } catch (error) {
      throw unreadable(displayPath(fileRef.path), error);
    }
    const lineCounter = new LineCounter();
    const file = { ...fileRef, text, lineCounter };
    const documents = parseAllDocuments(text, {
      lineCounter,
      merge: false,
      prettyErrors: false,
    });
    const list = Array.isArray(documents) ? documents : [];
    // YAML errors in files found in folders only matter for files that
    // look like catalog data; a broken Helm template is not ours to judge.
    const reportYamlErrors = file.explicit || text.includes('backstage.io/');

    for (let index = 0; index < list.length; index++) {
      const doc = list[index];
      const source: SourceDocument = { file, doc, index };
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
        continue;
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
        continue;
      }
      if (
        !isObject(json) ||
        typeof json.apiVersion !== 'string' ||
        !CATALOG_API_VERSION.test(json.apiVersion)
      ) {
        continue;
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
        continue;
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
        continue;
      }
      sources.set(ref, source);

      const outcome = await processEntity(raw, file.path);
      if (outcome.outcome === 'rejected') {
        problems.push(
          problemAt(
            source,
            locate(source, outcome.path ?? ['metadata', 'name']),
            `the catalog rejects this entity: ${outcome.message}`,
            ref,
          ),
        );
        continue;
      }
      if (outcome.outcome === 'foreign') {
        // Kinds such as Template need processors this catalog does not
        // have; Team Insights does not score them.
        continue;
      }
      for (const placeholder of outcome.remotePlaceholders) {
        problems.push({
          ...problemAt(
            source,
            locate(source, [...placeholder.path, placeholder.key]),
            `${placeholder.key} placeholder ${
              placeholder.url
            } is not fetched (the CLI works offline); ${placeholder.path.join(
              '.',
            )} counts as missing here, while the catalog fetches it`,
            ref,
          ),
          severity: 'warning',
        });
      }
      entities.push(outcome.entity);
      emitted.push(...outcome.relations);
    }
  }

  attachRelations(entities, emitted);
  return { entities, sources, problems, fileCount: files.length };
}
