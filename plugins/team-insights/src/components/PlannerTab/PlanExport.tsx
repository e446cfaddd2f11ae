import type { Entity } from '@backstage/catalog-model';
import { CodeSnippet } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  EntityEdit,
  formatEntityEdit,
  formatPlanMarkdown,
  formatPlanYaml,
  PlanChange,
  PlanComparison,
} from '@team-insights/plugin-team-insights-common';
import { useMemo } from 'react';

const LOCATION_ANNOTATIONS = [
  'backstage.io/source-location',
  'backstage.io/managed-by-origin-location',
  'backstage.io/managed-by-location',
];

/** Where an entity is defined, as its location annotations say. */
export function sourceOf(entity: Entity | undefined): string {
  const annotations = entity?.metadata.annotations ?? {};
  for (const key of LOCATION_ANNOTATIONS) {
    const value = annotations[key];
    if (value) return value.replace(/^(url|file):/, '');
  }
  return entity ? 'its catalog file' : 'a new entity';
}

/**
 * The draft as things to take away: the change file (for `team-insights
 * plan` and to share), the catalog-info.yaml edits it implies per file, and
 * a Markdown summary for a planning document.
 */
export function PlanExport(props: {
  changes: PlanChange[];
  comparison: PlanComparison;
  edits: EntityEdit[];
  entities: Entity[];
}) {
  const { changes, comparison, edits, entities } = props;
  const byRef = useMemo(() => {
    const map = new Map<string, Entity>();
    for (const e of entities) {
      map.set(
        `${e.kind}:${e.metadata.namespace ?? 'default'}/${
          e.metadata.name
        }`.toLowerCase(),
        e,
      );
    }
    return map;
  }, [entities]);
  const where = (edit: EntityEdit) => sourceOf(byRef.get(edit.entityRef));
  const files = useMemo(() => {
    const grouped = new Map<string, EntityEdit[]>();
    for (const edit of edits) {
      const file = sourceOf(byRef.get(edit.entityRef));
      grouped.set(file, [...(grouped.get(file) ?? []), edit]);
    }
    return [...grouped.entries()];
  }, [edits, byRef]);
  if (!changes.length) return null;
  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      <section aria-label="Change file">
        <Typography variant="h6" component="h3">
          Change file
        </Typography>
        <Typography variant="body2">
          Save as plan.yaml and run{' '}
          <code>team-insights plan --changes plan.yaml .</code> for the same
          before and after in CI or a planning review.
        </Typography>
        <CodeSnippet
          text={formatPlanYaml(changes)}
          language="yaml"
          showCopyCodeButton
        />
      </section>
      <section aria-label="Catalog edits">
        <Typography variant="h6" component="h3">
          Catalog edits, file by file
        </Typography>
        {files.map(([file, fileEdits]) => (
          <Box key={file} mb={2}>
            <Typography variant="subtitle2" component="h4">
              {file}
            </Typography>
            <CodeSnippet
              text={fileEdits
                .map(
                  edit =>
                    `# ${edit.action} ${edit.entityRef}\n${formatEntityEdit(
                      edit,
                    )}`,
                )
                .join('---\n')}
              language="yaml"
              showCopyCodeButton
            />
          </Box>
        ))}
      </section>
      <section aria-label="Markdown summary">
        <Typography variant="h6" component="h3">
          Markdown summary
        </Typography>
        <CodeSnippet
          text={formatPlanMarkdown(comparison, edits, where)}
          language="markdown"
          showCopyCodeButton
        />
      </section>
    </Box>
  );
}
