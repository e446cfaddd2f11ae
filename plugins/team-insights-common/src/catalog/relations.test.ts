import { Entity } from '@backstage/catalog-model';
import { attachRelations, emitRelations, RelationRefError } from './relations';

function entity(
  kind: string,
  name: string,
  spec: Record<string, unknown>,
  namespace?: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, ...(namespace ? { namespace } : {}) },
    spec: spec as Entity['spec'],
  };
}

function pairs(e: Entity) {
  return emitRelations(e).map(r => `${r.source} ${r.type} ${r.target}`);
}

describe('emitRelations', () => {
  it('emits ownedBy/ownerOf from spec.owner, defaulting to a Group in the entity namespace', () => {
    expect(
      pairs(entity('Component', 'svc', { owner: 'search' }, 'ml')),
    ).toEqual([
      'component:ml/svc ownedBy group:ml/search',
      'group:ml/search ownerOf component:ml/svc',
    ]);
    expect(pairs(entity('API', 'api', { owner: 'user:jdoe' }))).toEqual([
      'api:default/api ownedBy user:default/jdoe',
      'user:default/jdoe ownerOf api:default/api',
    ]);
    expect(
      pairs(entity('Resource', 'db', { owner: 'group:other/Data-Lab' })),
    ).toEqual([
      'resource:default/db ownedBy group:other/data-lab',
      'group:other/data-lab ownerOf resource:default/db',
    ]);
  });

  it('emits memberOf/hasMember from a User and hasMember/memberOf from a Group', () => {
    expect(pairs(entity('User', 'jdoe', { memberOf: ['team-a'] }))).toEqual([
      'user:default/jdoe memberOf group:default/team-a',
      'group:default/team-a hasMember user:default/jdoe',
    ]);
    expect(pairs(entity('Group', 'team-a', { members: ['jdoe'] }))).toEqual([
      'group:default/team-a hasMember user:default/jdoe',
      'user:default/jdoe memberOf group:default/team-a',
    ]);
  });

  it('emits childOf/parentOf from spec.parent and parentOf/childOf from spec.children', () => {
    expect(
      pairs(
        entity('Group', 'ml', { parent: 'org', children: ['search', 'recs'] }),
      ),
    ).toEqual([
      'group:default/ml childOf group:default/org',
      'group:default/org parentOf group:default/ml',
      'group:default/ml parentOf group:default/search',
      'group:default/search childOf group:default/ml',
      'group:default/ml parentOf group:default/recs',
      'group:default/recs childOf group:default/ml',
    ]);
  });

  it('emits the API relations with API as the default kind', () => {
    expect(
      pairs(
        entity('Component', 'svc', {
          providesApis: ['search-api'],
          consumesApis: ['api:ml/features'],
        }),
      ),
    ).toEqual([
      'component:default/svc providesApi api:default/search-api',
      'api:default/search-api apiProvidedBy component:default/svc',
      'component:default/svc consumesApi api:ml/features',
      'api:ml/features apiConsumedBy component:default/svc',
    ]);
  });

  it('emits dependsOn/dependencyOf in both directions for components and resources', () => {
    expect(
      pairs(
        entity('Component', 'svc', {
          dependsOn: ['resource:db'],
          dependencyOf: ['component:portal'],
        }),
      ),
    ).toEqual([
      'component:default/svc dependsOn resource:default/db',
      'resource:default/db dependencyOf component:default/svc',
      'component:default/svc dependencyOf component:default/portal',
      'component:default/portal dependsOn component:default/svc',
    ]);
    expect(
      pairs(entity('Resource', 'db', { dependsOn: ['resource:disk'] })),
    ).toEqual([
      'resource:default/db dependsOn resource:default/disk',
      'resource:default/disk dependencyOf resource:default/db',
    ]);
  });

  it('rejects a dependsOn target without a kind, as the catalog does', () => {
    expect(() =>
      emitRelations(entity('Component', 'svc', { dependsOn: ['db'] })),
    ).toThrow(RelationRefError);
    let error: unknown;
    try {
      emitRelations(entity('Component', 'svc', { dependsOn: ['a:b', 'db'] }));
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ field: 'dependsOn', index: 1 });
    expect((error as Error).message).toContain('missing or empty kind');
  });

  it('emits partOf/hasPart for system, domain, subcomponentOf and subdomainOf', () => {
    expect(
      pairs(
        entity('Component', 'svc', { system: 'search', subcomponentOf: 'app' }),
      ),
    ).toEqual([
      'component:default/svc partOf component:default/app',
      'component:default/app hasPart component:default/svc',
      'component:default/svc partOf system:default/search',
      'system:default/search hasPart component:default/svc',
    ]);
    expect(pairs(entity('API', 'a', { system: 'search' }))).toEqual([
      'api:default/a partOf system:default/search',
      'system:default/search hasPart api:default/a',
    ]);
    expect(pairs(entity('System', 'search', { domain: 'ml' }))).toEqual([
      'system:default/search partOf domain:default/ml',
      'domain:default/ml hasPart system:default/search',
    ]);
    expect(pairs(entity('Domain', 'ml', { subdomainOf: 'data' }))).toEqual([
      'domain:default/ml partOf domain:default/data',
      'domain:default/data hasPart domain:default/ml',
    ]);
  });

  it('emits nothing for kinds the built-in processor does not know', () => {
    expect(pairs(entity('Template', 't', { owner: 'team-a' }))).toEqual([]);
    expect(pairs(entity('Location', 'l', { targets: ['./a.yaml'] }))).toEqual(
      [],
    );
  });
});

describe('attachRelations', () => {
  it('gives each entity the distinct relations it is the source of, sorted, including targets that do not exist', () => {
    const user = entity('User', 'JDoe', { memberOf: ['team-a'] });
    const group = entity('Group', 'team-a', {
      type: 'team',
      children: [],
      members: ['jdoe'],
    });
    const component = entity('Component', 'svc', { owner: 'ghost-team' });
    const all = [user, group, component];
    attachRelations(
      all,
      all.flatMap(e => emitRelations(e)),
    );
    expect(user.relations).toEqual([
      { type: 'memberOf', targetRef: 'group:default/team-a' },
    ]);
    // hasMember is emitted from both sides, and stored once
    expect(group.relations).toEqual([
      { type: 'hasMember', targetRef: 'user:default/jdoe' },
    ]);
    expect(component.relations).toEqual([
      { type: 'ownedBy', targetRef: 'group:default/ghost-team' },
    ]);
  });

  it('sorts by type, then target, by code units', () => {
    const group = entity('Group', 'g', {
      parent: 'org',
      children: ['b', 'a'],
    });
    const owned = entity('Component', 'c', { owner: 'g' });
    attachRelations(
      [group, owned],
      [...emitRelations(group), ...emitRelations(owned)],
    );
    expect(group.relations!.map(r => `${r.type} ${r.targetRef}`)).toEqual([
      'childOf group:default/org',
      'ownerOf component:default/c',
      'parentOf group:default/a',
      'parentOf group:default/b',
    ]);
  });
});
