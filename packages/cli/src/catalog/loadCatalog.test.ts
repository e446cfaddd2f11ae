import { stringifyEntityRef } from '@backstage/catalog-model';
import { useTempDir, yamlEntity } from '../__testUtils__';
import { findCatalogFiles } from './files';
import { loadCatalog } from './loadCatalog';

const tmp = useTempDir();

async function load(paths: string[]) {
  const files = await findCatalogFiles(paths, tmp.path);
  return loadCatalog(files, p => p);
}

describe('loadCatalog', () => {
  it('reads multi-document files and folders, skipping non-catalog YAML, node_modules and dot folders', async () => {
    tmp.write({
      'read/org.yaml': [
        yamlEntity('Group', 'team-a', { spec: { type: 'team', children: [] } }),
        yamlEntity('User', 'jdoe', { spec: { memberOf: ['team-a'] } }),
      ].join('---\n'),
      'read/nested/svc.yml': yamlEntity('Component', 'svc', {
        spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
      }),
      'read/workflow.yaml': 'on: push\njobs: {}\n',
      'read/deployment.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc\n',
      'read/notes.txt': yamlEntity('Group', 'not-yaml-extension'),
      'read/node_modules/pkg/catalog-info.yaml': yamlEntity('Group', 'dep'),
      'read/.github/catalog-info.yaml': yamlEntity('Group', 'hidden'),
    });
    const catalog = await load(['read']);
    expect(catalog.entities.map(e => stringifyEntityRef(e))).toEqual([
      'component:default/svc',
      'group:default/team-a',
      'user:default/jdoe',
    ]);
    expect(catalog.problems).toEqual([]);
    expect(catalog.fileCount).toBe(4);
  });

  it('sets the default namespace and file location annotations like the catalog', async () => {
    const [file] = tmp.write({
      'annotated/catalog-info.yaml': yamlEntity('Component', 'svc', {
        annotations: {
          'backstage.io/managed-by-location': 'url:https://example.com/x.yaml',
          'backstage.io/techdocs-ref': 'dir:.',
        },
        spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
      }),
    });
    const [entity] = (await load(['annotated'])).entities;
    expect(entity.metadata.namespace).toBe('default');
    expect(entity.metadata.annotations).toEqual({
      'backstage.io/techdocs-ref': 'dir:.',
      'backstage.io/managed-by-location': `file:${file}`,
      'backstage.io/managed-by-origin-location': `file:${file}`,
    });
    expect(entity.relations).toEqual([
      { type: 'ownedBy', targetRef: 'group:default/team-a' },
    ]);
  });

  it('sorts the relation fields of the spec as the catalog does', async () => {
    tmp.write({
      'sorted/c.yaml': yamlEntity('Component', 'svc', {
        spec: {
          type: 'service',
          lifecycle: 'production',
          owner: 'team-a',
          providesApis: ['zeta', 'alpha'],
        },
      }),
    });
    const [entity] = (await load(['sorted'])).entities;
    expect(entity.spec!.providesApis).toEqual(['alpha', 'zeta']);
  });

  it('keeps the first of two entities with the same ref and says where the first is', async () => {
    tmp.write({
      'dupes/a.yaml': yamlEntity('Group', 'team-a', {
        title: 'First',
        spec: { type: 'team', children: [] },
      }),
      'dupes/b.yaml': yamlEntity('Group', 'Team-A', {
        title: 'Second',
        spec: { type: 'team', children: [] },
      }),
    });
    const catalog = await load(['dupes']);
    expect(catalog.entities.map(e => e.metadata.title)).toEqual(['First']);
    expect(catalog.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: tmp.resolve('dupes/b.yaml'),
        line: 4,
        column: 9,
        entityRef: 'group:default/team-a',
        message: expect.stringContaining(
          `duplicate entity group:default/team-a: already defined at ${tmp.resolve(
            'dupes/a.yaml',
          )}:4:9`,
        ),
      }),
    ]);
  });

  it('reports YAML syntax errors at their position and still reads the other documents', async () => {
    tmp.write({
      'broken/catalog-info.yaml': [
        yamlEntity('Group', 'team-a', { spec: { type: 'team', children: [] } }),
        'apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: [oops\n',
      ].join('---\n'),
    });
    const catalog = await load(['broken']);
    expect(catalog.entities.map(e => e.metadata.name)).toEqual(['team-a']);
    expect(catalog.problems).toHaveLength(1);
    expect(catalog.problems[0]).toMatchObject({
      severity: 'error',
      path: tmp.resolve('broken/catalog-info.yaml'),
      message: expect.stringMatching(/^YAML syntax error: /),
    });
    expect(catalog.problems[0].line).toBeGreaterThanOrEqual(10);
  });

  it('ignores syntax errors in YAML found in folders that is not catalog data', async () => {
    tmp.write({
      'helm/templates/deployment.yaml':
        'metadata:\n  name: {{ .Values.name }\n',
      'helm/catalog-info.yaml': yamlEntity('Group', 'team-a', {
        spec: { type: 'team', children: [] },
      }),
    });
    expect((await load(['helm'])).problems).toEqual([]);
    expect(
      (await load(['helm/templates/deployment.yaml'])).problems,
    ).toHaveLength(1);
  });

  it('rejects what the catalog rejects, pointing at the field', async () => {
    tmp.write({
      'rejected/a.yaml': [
        yamlEntity('Component', 'no-type', {
          spec: { lifecycle: 'production', owner: 'team-a' },
        }),
        yamlEntity('Component', 'bad-dependency', {
          spec: {
            type: 'service',
            lifecycle: 'production',
            owner: 'team-a',
            dependsOn: ['database'],
          },
        }),
        yamlEntity('component', 'lower-case-kind', {
          spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
        }),
      ].join('---\n'),
    });
    const catalog = await load(['rejected']);
    expect(catalog.entities).toEqual([]);
    expect(catalog.problems.map(p => [p.line, p.entityRef, p.message])).toEqual(
      [
        [
          5,
          'component:default/no-type',
          expect.stringContaining("must have required property 'type'"),
        ],
        [
          11,
          'component:default/bad-dependency',
          expect.stringContaining('spec.dependsOn'),
        ],
        [
          14,
          'component:default/lower-case-kind',
          expect.stringContaining("No processor recognized kind 'component'"),
        ],
      ],
    );
  });

  it('reads Location entities without following them, and skips kinds of other processors', async () => {
    tmp.write({
      'locations/all.yaml': [
        yamlEntity('Location', 'everything', {
          spec: { targets: ['./elsewhere/*.yaml'] },
        }),
        'apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata:\n  name: t\nspec: {}\n',
      ].join('---\n'),
      'elsewhere/group.yaml': yamlEntity('Group', 'unseen', {
        spec: { type: 'team', children: [] },
      }),
    });
    const catalog = await load(['locations']);
    expect(catalog.entities.map(e => stringifyEntityRef(e))).toEqual([
      'location:default/everything',
    ]);
    expect(catalog.problems).toEqual([]);
  });

  it('resolves $text placeholders from files beside the entity and rejects missing ones', async () => {
    const definition = 'openapi: 3.0.0\n'.repeat(10);
    tmp.write({
      'placeholders/api.yaml': [
        yamlEntity('API', 'search', {
          spec: {
            type: 'openapi',
            lifecycle: 'production',
            owner: 'team-a',
            definition: { $text: './openapi.yaml' },
          },
        }),
        yamlEntity('API', 'missing', {
          spec: {
            type: 'openapi',
            lifecycle: 'production',
            owner: 'team-a',
            definition: { $text: './nowhere.yaml' },
          },
        }),
        yamlEntity('API', 'remote', {
          spec: {
            type: 'openapi',
            lifecycle: 'production',
            owner: 'team-a',
            definition: { $text: 'https://example.com/openapi.yaml' },
          },
        }),
      ].join('---\n'),
      'placeholders/openapi.yaml': definition,
    });
    const catalog = await load(['placeholders']);
    expect(catalog.entities.map(e => e.metadata.name)).toEqual([
      'search',
      'remote',
    ]);
    expect(catalog.entities[0].spec!.definition).toBe(definition);
    // what the CLI does not fetch is missing, not the placeholder object
    expect(catalog.entities[1].spec).not.toHaveProperty('definition');
    expect(catalog.problems.map(p => [p.severity, p.message])).toEqual([
      [
        'error',
        expect.stringContaining(
          'Placeholder $text could not read location ./nowhere.yaml',
        ),
      ],
      [
        'warning',
        expect.stringContaining(
          '$text placeholder https://example.com/openapi.yaml is not fetched',
        ),
      ],
    ]);
  });

  it('reads placeholders only from the folders and files given: naming the entity file alone does not open the file beside it', async () => {
    tmp.write({
      'alone/api.yaml': yamlEntity('API', 'alone', {
        spec: {
          type: 'openapi',
          lifecycle: 'production',
          owner: 'team-a',
          definition: { $text: './openapi.yaml' },
        },
      }),
      'alone/openapi.yaml': 'openapi: 3.0.0\n',
    });
    const catalog = await load(['alone/api.yaml']);
    expect(catalog.entities.map(e => e.metadata.name)).toEqual(['alone']);
    expect(catalog.entities[0].spec).not.toHaveProperty('definition');
    expect(catalog.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: tmp.resolve('alone/api.yaml'),
        line: 5,
        entityRef: 'api:default/alone',
        message: expect.stringContaining(
          '$text placeholder ./openapi.yaml is not read: it is outside the folders and files given on the command line',
        ),
      }),
    ]);
    expect((await load(['alone'])).problems).toEqual([]);
  });

  it('leaves placeholders unread with --no-placeholders, as warnings', async () => {
    const catalog = await loadCatalog(
      await findCatalogFiles(['alone'], tmp.path),
      p => p,
      { placeholders: false },
    );
    expect(catalog.entities[0].spec).not.toHaveProperty('definition');
    expect(catalog.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message:
          '$text placeholder ./openapi.yaml is not read (--no-placeholders); spec.definition counts as missing here',
      }),
    ]);
  });

  it('places problems at the same lines whether or not the syntax trees are kept', async () => {
    tmp.write({
      'places/a.yaml': [
        yamlEntity('Group', 'team-a', { spec: { type: 'team', children: [] } }),
        'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: [oops\n',
      ].join('---\n'),
      'places/b.yaml': [
        '# the same team again\n',
        yamlEntity('Group', 'team-a', { spec: { type: 'team', children: [] } }),
        yamlEntity('Component', 'svc', {
          spec: { type: 7, lifecycle: 'production', owner: 'team-a' },
        }),
      ].join('---\n'),
    });
    const files = await findCatalogFiles(['places'], tmp.path);
    const kept = await loadCatalog(files, p => p);
    const dropped = await loadCatalog(files, p => p, {
      keepSyntaxTrees: false,
    });
    expect(kept.problems).toHaveLength(3);
    expect(kept.problems).toContainEqual(
      expect.objectContaining({
        path: tmp.resolve('places/b.yaml'),
        line: 6,
        message: expect.stringContaining(
          `duplicate entity group:default/team-a: already defined at ${tmp.resolve(
            'places/a.yaml',
          )}:4:9`,
        ),
      }),
    );
    expect(dropped.problems).toEqual(kept.problems);
    expect(dropped.entities).toEqual(kept.entities);
  });
});
