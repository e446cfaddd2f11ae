import type { Entity } from '@backstage/catalog-model';
import { stringify } from 'yaml';
import { Draft } from './draft';
import { EntityEdit } from './types';

function same(a: unknown, b: unknown) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The annotation and spec fields that differ between two versions. */
function fieldChanges(before: Entity, after: Entity): EntityEdit['fields'] {
  const fields: EntityEdit['fields'] = [];
  const annotationsBefore = before.metadata.annotations ?? {};
  const annotationsAfter = after.metadata.annotations ?? {};
  const keys = new Set([
    ...Object.keys(annotationsBefore),
    ...Object.keys(annotationsAfter),
  ]);
  for (const k of [...keys].sort()) {
    if (annotationsBefore[k] !== annotationsAfter[k]) {
      fields.push({
        path: `metadata.annotations.${k}`,
        before: annotationsBefore[k],
        after: annotationsAfter[k],
      });
    }
  }
  const specBefore = (before.spec ?? {}) as Record<string, unknown>;
  const specAfter = (after.spec ?? {}) as Record<string, unknown>;
  const specKeys = new Set([
    ...Object.keys(specBefore),
    ...Object.keys(specAfter),
  ]);
  for (const k of [...specKeys].sort()) {
    if (!same(specBefore[k], specAfter[k])) {
      fields.push({
        path: `spec.${k}`,
        before: specBefore[k],
        after: specAfter[k],
      });
    }
  }
  return fields;
}

/** What the draft changed, entity by entity, in catalog order. */
export function editsOf(draft: Draft): EntityEdit[] {
  const edits: EntityEdit[] = [];
  for (const { ref, before, after } of draft.touched()) {
    if (before && after) {
      const fields = fieldChanges(before, after);
      if (fields.length)
        edits.push({ entityRef: ref, action: 'update', fields });
    } else if (after) {
      const { relations: _relations, ...entity } = after;
      edits.push({
        entityRef: ref,
        action: 'create',
        fields: [{ path: '', after: entity }],
      });
    } else if (before) {
      edits.push({ entityRef: ref, action: 'delete', fields: [] });
    }
  }
  return edits;
}

/**
 * An edit as YAML a person pastes into the entity's catalog-info.yaml: the
 * new document for a created entity, the changed fields (with what they
 * held before as comments) for an updated one.
 * @public
 */
export function formatEntityEdit(edit: EntityEdit): string {
  if (edit.action === 'create') {
    return stringify(edit.fields[0]?.after ?? {}, { lineWidth: 0 });
  }
  if (edit.action === 'delete') {
    return `# remove the entity ${edit.entityRef}\n`;
  }
  const lines: string[] = [];
  for (const field of edit.fields) {
    const value =
      field.after === undefined
        ? '# remove this field'
        : stringify(field.after, { lineWidth: 0 }).trimEnd();
    const was =
      field.before === undefined
        ? 'absent'
        : JSON.stringify(field.before).slice(0, 200);
    lines.push(`# ${field.path} (was: ${was})`);
    const name = field.path.replace(/^spec\.|^metadata\.annotations\./, '');
    if (value.includes('\n') || Array.isArray(field.after)) {
      lines.push(`${name}:`, ...value.split('\n').map(l => `  ${l}`));
    } else {
      lines.push(`${name}: ${value}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
