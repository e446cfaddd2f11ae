import type { Entity } from '@backstage/catalog-model';
import fc from 'fast-check';
import { evaluate, validateCustomChecks } from './evaluate';
import { TEAM_INSIGHTS_ENTITY_FIELDS } from './fields';
import {
  api,
  component,
  group,
  members,
  NOW,
  resource,
  system,
  user,
  withRelations,
} from './testing/entities';

/** A small organisation with every kind of team and finding. */
function organisation(): Entity[] {
  return withRelations([
    group('company', { type: 'organization' }),
    group('ml', { type: 'department', parent: 'company' }),
    group('search', {
      teamType: 'feature',
      parent: 'ml',
      skills: 'analytics-translator=1',
    }),
    ...members('search', [
      'data-scientist, sre',
      'data-engineer',
      'data-sceintist',
      undefined,
    ]),
    group('lab', {
      teamType: 'expertise',
      parent: 'ml',
      waivers:
        'composition.cross-functional until 2026-03-31: dissolving; composition.team-size: oops',
    }),
    ...members('lab', ['data-scientist', 'data-scientist', 'data-scientist']),
    group('platform', { teamType: 'platform', parent: 'company' }),
    ...members('platform', ['sre', 'sre', 'data-engineer']),
    group('recs', { parent: 'ml', declinedProducts: 'component:ghost' }),
    component('metrics', {
      owner: 'platform',
      concern: 'monitoring',
      documented: true,
      providesApis: ['metrics-api'],
    }),
    api('metrics-api', { owner: 'platform', documented: true }),
    resource('gpu', { owner: 'platform', mandatory: 'yes' }),
    component('search-svc', {
      owner: 'search',
      consumesApis: ['metrics-api'],
      dependsOn: ['component:lab-model', 'resource:gpu'],
      documented: true,
    }),
    component('lab-model', { owner: 'lab', concern: 'experiment-tracking' }),
    component('recs-monitor', { owner: 'recs', concern: 'monitoring' }),
    component('recs-batch', { owner: 'recs', concern: 'batch-scheduling' }),
    component('search-batch', { owner: 'search', concern: 'batch-scheduling' }),
    system('ml', { owner: 'ml' }),
    user('loner', { skills: 'ux-designer' }),
  ]);
}

function reorder(entities: Entity[], order: number[], flip: boolean): Entity[] {
  return order.map(i => {
    const e = entities[i];
    return flip ? { ...e, relations: [...(e.relations ?? [])].reverse() } : e;
  });
}

describe('evaluate', () => {
  it('the report is byte-identical across runs, whatever the order of entities and relations', () => {
    const entities = organisation();
    const expected = JSON.stringify(evaluate(entities, { now: NOW }));
    expect(JSON.stringify(evaluate(entities, { now: NOW }))).toBe(expected);
    const indexes = entities.map((_, i) => i);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(indexes, {
          minLength: indexes.length,
          maxLength: indexes.length,
        }),
        fc.boolean(),
        (order, flip) => {
          const report = evaluate(reorder(entities, order, flip), { now: NOW });
          expect(JSON.stringify(report)).toBe(expected);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('every array of the report is sorted by entity ref (or concern)', () => {
    const report = evaluate(organisation(), { now: NOW });
    const sorted = (refs: string[]) =>
      [...refs].sort((a, b) => (a < b ? -1 : Number(a > b)));
    for (const list of [
      report.teams,
      report.orgUnits,
      report.entities,
      report.products,
    ]) {
      const refs = list.map(x => x.entityRef);
      expect(refs).toEqual(sorted(refs));
    }
    expect(report.concerns.map(c => c.concern)).toEqual(
      sorted(report.concerns.map(c => c.concern)),
    );
    const findingRefs = report.findings.map(f => f.entityRef);
    expect(findingRefs).toEqual(sorted(findingRefs));
    expect(report.evaluatedAt).toBe(NOW.toISOString());
    expect(report.version).toBe(1);
  });

  it('reads nothing but TEAM_INSIGHTS_ENTITY_FIELDS: the catalog can stream just those', () => {
    const entities = organisation().map(e => ({
      ...e,
      metadata: { ...e.metadata, uid: 'x', etag: 'y', labels: { a: 'b' } },
      spec: { ...e.spec, members: ['someone'], children: ['x'], unrelated: 1 },
      status: { items: [] },
    }));
    const pick = (entity: Entity): Entity => {
      const out: Record<string, any> = {};
      for (const field of TEAM_INSIGHTS_ENTITY_FIELDS) {
        const path = field.split('.');
        let from: any = entity;
        for (const p of path) from = from?.[p];
        if (from === undefined) continue;
        let to = out;
        path.slice(0, -1).forEach(p => {
          to[p] = to[p] ?? {};
          to = to[p];
        });
        to[path[path.length - 1]] = from;
      }
      return out as Entity;
    };
    expect(JSON.stringify(evaluate(entities.map(pick), { now: NOW }))).toBe(
      JSON.stringify(evaluate(entities, { now: NOW })),
    );
  });

  it('entities with missing spec fields, odd kinds, no relations or dangling ones never crash it', () => {
    const odd = [
      { apiVersion: 'v1', kind: 'Group', metadata: { name: 'no-spec' } },
      {
        apiVersion: 'v1',
        kind: 'Component',
        metadata: { name: 'c', annotations: null },
        spec: null,
      },
      {
        apiVersion: 'v1',
        kind: 'Template',
        metadata: { name: 't' },
        spec: { owner: 42 },
      },
      {
        apiVersion: 'v1',
        kind: 'API',
        metadata: { name: 'a', links: 'nope', tags: {} },
        spec: { definition: { openapi: '3' } },
      },
      {
        apiVersion: 'v1',
        kind: 'Group',
        metadata: { name: 'g' },
        spec: { type: 'team' },
        relations: [
          { type: 'memberOf', targetRef: 'group:default/nowhere' },
          { type: 'ownerOf' },
          null,
          { type: 'hasMember', targetRef: 'not a ref::' },
        ],
      },
      {
        apiVersion: 'v1',
        kind: 'User',
        metadata: { name: 'u', annotations: { 'team-insights.io/skills': 7 } },
        relations: [{ type: 'memberOf', targetRef: 'group:default/g' }],
      },
      { apiVersion: 'v1', metadata: { name: 'no-kind' } },
      { apiVersion: 'v1', kind: 'Component' },
      null,
      'not an entity',
    ] as unknown as Entity[];
    const report = evaluate(odd, { now: NOW });
    expect(report.teams.map(t => t.entityRef)).toEqual(['group:default/g']);
    expect(report.orgUnits.map(t => t.entityRef)).toEqual([
      'group:default/no-spec',
    ]);
    expect(
      report.teams.find(t => t.entityRef === 'group:default/g')!.members,
    ).toBe(1);
  });

  it('survives arbitrary JSON in every field', () => {
    const anyEntity = fc.record(
      {
        apiVersion: fc.constant('backstage.io/v1alpha1'),
        kind: fc.constantFrom(
          'Group',
          'User',
          'Component',
          'API',
          'Resource',
          'System',
          'Domain',
          'Weird',
        ),
        metadata: fc.record(
          {
            name: fc.constantFrom('a', 'b', 'c', '__proto__', 'constructor'),
            namespace: fc.constantFrom('default', 'other'),
            title: fc.jsonValue(),
            description: fc.jsonValue(),
            tags: fc.jsonValue(),
            links: fc.jsonValue(),
            annotations: fc.dictionary(
              fc.constantFrom(
                'team-insights.io/team-type',
                'team-insights.io/skills',
                'team-insights.io/required-skills',
                'team-insights.io/declined-products',
                'team-insights.io/product',
                'team-insights.io/mandatory',
                'team-insights.io/concern',
                'team-insights.io/waivers',
                'team-insights.io/oops',
                'backstage.io/techdocs-ref',
              ),
              fc.oneof(fc.string(), fc.jsonValue()),
            ),
          },
          { requiredKeys: ['name'] },
        ),
        spec: fc.jsonValue(),
        relations: fc.oneof(
          fc.jsonValue(),
          fc.array(
            fc.record({
              type: fc.constantFrom(
                'memberOf',
                'hasMember',
                'ownedBy',
                'ownerOf',
                'childOf',
                'parentOf',
                'dependsOn',
                'consumesApi',
                'providesApi',
                'apiProvidedBy',
              ),
              targetRef: fc.oneof(
                fc.constantFrom(
                  'group:default/a',
                  'user:default/b',
                  'component:default/c',
                  'api:other/a',
                ),
                fc.string(),
              ),
            }),
          ),
        ),
      },
      { requiredKeys: ['kind', 'metadata'] },
    );
    fc.assert(
      fc.property(fc.array(anyEntity, { maxLength: 12 }), entities => {
        const report = evaluate(entities as unknown as Entity[], { now: NOW });
        // serialisable and stable
        expect(JSON.stringify(report)).toBe(
          JSON.stringify(
            evaluate(entities as unknown as Entity[], { now: NOW }),
          ),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('the same ref twice is resolved the same way whatever the order', () => {
    const a = group('team', { teamType: 'feature' });
    const b = group('team', { teamType: 'expertise' });
    expect(JSON.stringify(evaluate([a, b], { now: NOW }))).toBe(
      JSON.stringify(evaluate([b, a], { now: NOW })),
    );
    expect(evaluate([a, b], { now: NOW }).teams).toHaveLength(1);
  });
});

describe('validateCustomChecks', () => {
  it('rejects ids that are taken, malformed or prototype keys, unknown scorecards and bad weights', () => {
    const base = {
      title: 'T',
      description: 'D',
      scorecard: 'composition' as const,
      weight: 1,
      evaluate: () => ({ status: 'pass' as const, message: '' }),
    };
    expect(
      validateCustomChecks([
        { ...base, id: 'composition.team-size' },
        { ...base, id: 'Not An Id' },
        { ...base, id: '__proto__' },
        { ...base, id: 'composition.ok', scorecard: 'vibes' as any },
        { ...base, id: 'composition.heavy', weight: -1 },
        { ...base, id: 'composition.fine' },
      ]),
    ).toEqual([
      "custom check id 'composition.team-size' is already taken",
      "custom check id 'Not An Id' must be lower-case words separated by a dot, e.g. 'composition.on-call-rotation'",
      "custom check id '__proto__' must be lower-case words separated by a dot, e.g. 'composition.on-call-rotation'",
      "custom check 'composition.ok' has unknown scorecard 'vibes'; use composition, adoption, documentation",
      "custom check 'composition.heavy' needs a weight ≥ 0",
    ]);
  });
});
