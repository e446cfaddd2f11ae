import {
  Entity,
  entityEnvelopeSchemaValidator,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { EmittedRelation } from '@team-insights/plugin-team-insights-common';
import { isObject } from '../util';
import { placeholderProblem, problemAt } from './documentFindings';
import type { LocatedFinding } from './findings';
import type { PlaceholderOptions } from './placeholders';
import { locate, positionAt, SourceDocument } from './positions';
import { processEntity } from './processEntity';
import type { ParsedDocument } from './readCatalogFile';

// Catalog entities use apiVersions of the backstage.io family
// (backstage.io/v1alpha1, scaffolder.backstage.io/v1beta3, ...). YAML with
// another apiVersion (a Kubernetes manifest, say) is not catalog data.
const CATALOG_API_VERSION = /(^|\.)backstage\.io\//;

const validateEnvelope = entityEnvelopeSchemaValidator();

/** What the documents read so far add up to; each document adds to it. */
export interface CatalogInProgress {
  problems: LocatedFinding[];
  /** Where each entity (by ref) was read from: the first definition. */
  sources: Map<string, SourceDocument>;
  entities: Entity[];
  emitted: EmittedRelation[];
  placeholders: PlaceholderOptions;
  displayPath: (absolute: string) => string;
}

/**
 * Reads one YAML document (`parsed`, from `source`) as the catalog would:
 * YAML errors (reported only when `reportYamlErrors`), documents that are not catalog entities
 * skipped, the envelope validated, duplicates rejected in favour of the
 * first definition, and the entity processed as in {@link processEntity}.
 */
export async function readDocument(
  source: SourceDocument,
  parsed: ParsedDocument,
  reportYamlErrors: boolean,
  catalog: CatalogInProgress,
): Promise<void> {
  const { file } = source;
  const { problems, sources } = catalog;
  if (parsed.errors.length || !parsed.json) {
    if (reportYamlErrors && parsed.errors.length) {
      // Like the catalog, the first error only: the rest usually follow
      // from it.
      const [error] = parsed.errors;
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
  if ('error' in parsed.json) {
    if (reportYamlErrors) {
      problems.push(
        problemAt(
          source,
          locate(source, []),
          `YAML error: ${(parsed.json.error as Error).message}`,
        ),
      );
    }
    return;
  }
  const json = parsed.json.value;
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
        `duplicate entity ${ref}: already defined at ${catalog.displayPath(
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

  const outcome = await processEntity(raw, file.path, catalog.placeholders);
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
  catalog.entities.push(outcome.entity);
  catalog.emitted.push(...outcome.relations);
}
