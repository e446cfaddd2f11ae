import path from 'node:path';
import { isMap, isScalar, isSeq } from 'yaml';
import { isInside } from './boundary';
import { locate, Position, SourceDocument } from './positions';

/**
 * Scaffolder actions that copy a folder (or file) of the template's
 * repository into the new project: their `input.url` is a skeleton, whose
 * `catalog-info.yaml` holds `${{ values.name }}` rather than a name.
 */
const FETCH_ACTIONS = new Set([
  'fetch:template',
  'fetch:template:file',
  'fetch:plain',
  'fetch:plain:file',
  'fetch:cookiecutter',
  'fetch:rails',
]);

const TEMPLATE_API_VERSION = /^scaffolder\.backstage\.io\//;

/** A folder or file a Scaffolder template copies into new projects. */
export interface Skeleton {
  /** Absolute path (symbolic links not resolved). */
  path: string;
  /** The `input.url` as written. */
  url: string;
  action: string;
  /** The template's `metadata.name`. */
  template: string;
  /** Where the template's file names it. */
  source: SourceDocument;
  position: Position;
}

function stringAt(source: SourceDocument, keys: Array<string | number>) {
  const node = source.doc.getIn(keys, true);
  return isScalar(node) && typeof node.value === 'string'
    ? node.value
    : undefined;
}

/**
 * The skeletons a `kind: Template` document fetches from beside it: the
 * relative `input.url` of its `fetch:template`, `fetch:plain` (and similar)
 * steps. URLs and templated values (`${{ … }}`) are not local skeletons.
 * Only the document's syntax tree is read, so aliases are never expanded.
 */
export function templateSkeletons(source: SourceDocument): Skeleton[] {
  const apiVersion = stringAt(source, ['apiVersion']);
  if (
    !apiVersion ||
    !TEMPLATE_API_VERSION.test(apiVersion) ||
    stringAt(source, ['kind']) !== 'Template'
  ) {
    return [];
  }
  const steps = source.doc.getIn(['spec', 'steps'], true);
  if (!isSeq(steps)) {
    return [];
  }
  const template = stringAt(source, ['metadata', 'name']) ?? '(unnamed)';
  const folder = path.dirname(source.file.path);
  const skeletons: Skeleton[] = [];
  steps.items.forEach((step, index) => {
    if (!isMap(step)) {
      return;
    }
    const keys = ['spec', 'steps', index];
    const action = stringAt(source, [...keys, 'action']);
    const url = stringAt(source, [...keys, 'input', 'url']);
    if (
      !action ||
      !FETCH_ACTIONS.has(action) ||
      !url ||
      /^[a-z][a-z0-9+.-]*:/i.test(url) ||
      url.includes('${{') ||
      path.isAbsolute(url)
    ) {
      return;
    }
    const skeleton = path.resolve(folder, url);
    if (isInside(skeleton, source.file.path)) {
      // A template that copies its own folder: skipping it would skip the
      // catalog files beside it too.
      return;
    }
    skeletons.push({
      path: skeleton,
      url,
      action,
      template,
      source,
      position: locate(source, [...keys, 'input', 'url']),
    });
  });
  return skeletons;
}

/** The skeleton a file belongs to, if any. */
export function skeletonOf(
  file: string,
  skeletons: readonly Skeleton[],
): Skeleton | undefined {
  return skeletons.find(s => isInside(s.path, file));
}
