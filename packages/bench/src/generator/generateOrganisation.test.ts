import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  Entity,
  entitySchemaValidator,
  groupEntityV1alpha1Validator,
  KindValidator,
  resourceEntityV1alpha1Validator,
  stringifyEntityRef,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { parseAllDocuments } from 'yaml';
import { generateOrganisation } from './generateOrganisation';
import { toCatalogYaml, toSourceEntity } from './catalogYaml';
import { mulberry32 } from './random';

const INVERSE: Record<string, string> = {
  ownedBy: 'ownerOf',
  ownerOf: 'ownedBy',
  memberOf: 'hasMember',
  hasMember: 'memberOf',
  childOf: 'parentOf',
  parentOf: 'childOf',
  partOf: 'hasPart',
  hasPart: 'partOf',
  dependsOn: 'dependencyOf',
  dependencyOf: 'dependsOn',
  providesApi: 'apiProvidedBy',
  apiProvidedBy: 'providesApi',
  consumesApi: 'apiConsumedBy',
  apiConsumedBy: 'consumesApi',
};

describe('mulberry32', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const seqA = Array.from({ length: 100 }, () => a.next());
    const seqB = Array.from({ length: 100 }, () => b.next());
    const seqC = Array.from({ length: 100 }, () => c.next());
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
    expect(seqA.every(x => x >= 0 && x < 1)).toBe(true);
  });

  it('draws integers over the whole inclusive range', () => {
    const random = mulberry32(7);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(random.int(1, 6));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('generateOrganisation', () => {
  const org1k = generateOrganisation({ size: 1000, seed: 1 });
  const org10k = generateOrganisation({ size: 10_000, seed: 1 });

  it('gives byte-identical output for the same seed', () => {
    const again = generateOrganisation({ size: 1000, seed: 1 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(org1k));
  });

  it('gives a different organisation for another seed', () => {
    const other = generateOrganisation({ size: 1000, seed: 2 });
    expect(other.entities).toHaveLength(1000);
    expect(JSON.stringify(other.entities)).not.toBe(
      JSON.stringify(org1k.entities),
    );
  });

  it.each([
    [100, undefined],
    [1000, org1k],
    [10_000, org10k],
  ])('holds exactly %i entities with unique refs', (size, given) => {
    const org = given ?? generateOrganisation({ size, seed: 9 });
    expect(org.entities).toHaveLength(size);
    const refs = new Set(org.entities.map(e => stringifyEntityRef(e)));
    expect(refs.size).toBe(size);
    const total = Object.values(org.stats.byKind).reduce((a, b) => a + b, 0);
    expect(total).toBe(size);
  });

  it('splits entities realistically across kinds and team types', () => {
    const { byKind, teamsByType, orgUnits } = org10k.stats;
    expect(byKind.User).toBeGreaterThan(3000);
    expect(byKind.Component).toBeGreaterThan(3000);
    expect(byKind.API).toBeGreaterThan(500);
    expect(byKind.Resource).toBeGreaterThan(500);
    expect(byKind.System).toBeGreaterThan(100);
    expect(orgUnits).toBeGreaterThan(10);
    expect(org10k.teamRefs).toHaveLength(500);
    expect(teamsByType.feature).toBeGreaterThan(teamsByType.centralized);
    expect(teamsByType.centralized).toBeGreaterThan(0);
    expect(teamsByType.expertise).toBeGreaterThan(0);
    expect(teamsByType.undeclared).toBeGreaterThan(0);
    // Even the smallest organisation has every team type.
    const small = generateOrganisation({ size: 100 });
    expect(Object.values(small.stats.teamsByType).every(n => n > 0)).toBe(true);
  });

  it('rejects sizes it cannot honour', () => {
    expect(() => generateOrganisation({ size: 10 })).toThrow(/size/);
    expect(() => generateOrganisation({ size: 1000.5 })).toThrow(/size/);
    expect(() =>
      generateOrganisation({ size: 1000, referenceDate: 'tomorrow' }),
    ).toThrow(/referenceDate/);
  });

  it('emits only entities the catalog accepts', async () => {
    const validators: Record<string, KindValidator> = {
      API: apiEntityV1alpha1Validator,
      Component: componentEntityV1alpha1Validator,
      Group: groupEntityV1alpha1Validator,
      Resource: resourceEntityV1alpha1Validator,
      System: systemEntityV1alpha1Validator,
      User: userEntityV1alpha1Validator,
    };
    const validateEnvelope = entitySchemaValidator();
    for (const entity of org1k.entities) {
      const source = toSourceEntity(entity);
      expect(() => validateEnvelope(source)).not.toThrow();
      await expect(validators[entity.kind].check(source)).resolves.toBe(true);
    }
  });

  it('attaches relations in both directions, in lower case, sorted like the catalog', () => {
    const byRef = new Map<string, Entity>(
      org10k.entities.map(e => [stringifyEntityRef(e), e]),
    );
    const all = new Set<string>();
    for (const [ref, entity] of byRef) {
      for (const { type, targetRef } of entity.relations ?? []) {
        all.add(`${ref} ${type} ${targetRef}`);
      }
    }
    let checked = 0;
    const missingInverse: string[] = [];
    for (const [ref, entity] of byRef) {
      const relations = entity.relations ?? [];
      const keys = relations.map(r => `${r.type} ${r.targetRef}`);
      expect([...keys].sort()).toEqual(keys);
      expect(new Set(keys).size).toBe(keys.length);
      for (const { type, targetRef } of relations) {
        expect(targetRef).toBe(targetRef.toLowerCase());
        if (!byRef.has(targetRef)) continue;
        if (!all.has(`${targetRef} ${INVERSE[type]} ${ref}`)) {
          missingInverse.push(`${ref} ${type} ${targetRef}`);
        }
        checked++;
      }
    }
    expect(missingInverse).toEqual([]);
    expect(checked).toBeGreaterThan(30_000);
  });

  it('points every relation at an existing entity, or at a deliberately dangling one', () => {
    for (const org of [org1k, org10k]) {
      const refs = new Set(org.entities.map(e => stringifyEntityRef(e)));
      const dangling = new Set(org.danglingRefs);
      const seenDangling = new Set<string>();
      for (const entity of org.entities) {
        for (const { targetRef } of entity.relations ?? []) {
          if (refs.has(targetRef)) continue;
          expect(dangling).toContain(targetRef);
          seenDangling.add(targetRef);
        }
      }
      // Each deliberately dangling ref is really missing and really used.
      for (const ref of dangling) expect(refs.has(ref)).toBe(false);
      expect([...seenDangling].sort()).toEqual(org.danglingRefs);
    }
    expect(org10k.danglingRefs.length).toBeGreaterThan(0);
  });

  it('models teams: members, head counts, ownership, products and concerns', () => {
    const teams = org10k.entities.filter(
      e => e.kind === 'Group' && e.spec?.type === 'team',
    );
    const annotation = (e: Entity, key: string) =>
      e.metadata.annotations?.[`team-insights.io/${key}`];
    const withMembers = teams.filter(t =>
      t.relations!.some(r => r.type === 'hasMember'),
    );
    expect(withMembers.length).toBeGreaterThan(teams.length * 0.8);
    const headCounts = teams.filter(t => annotation(t, 'skills'));
    expect(headCounts.length).toBeGreaterThan(0);
    // Some teams grow past the limits of communication paths.
    const sizes = teams.map(
      t => t.relations!.filter(r => r.type === 'hasMember').length,
    );
    expect(Math.max(...sizes)).toBeGreaterThan(15);
    expect(teams.every(t => t.relations!.some(r => r.type === 'childOf'))).toBe(
      true,
    );
    const owned = org10k.entities.filter(e =>
      ['Component', 'API', 'Resource'].includes(e.kind),
    );
    expect(owned.filter(e => annotation(e, 'concern')).length).toBeGreaterThan(
      100,
    );
    expect(owned.some(e => annotation(e, 'mandatory') === 'true')).toBe(true);
    expect(teams.some(t => annotation(t, 'declined-products'))).toBe(true);
    expect(teams.some(t => annotation(t, 'waivers'))).toBe(true);
    const components = owned.filter(e => e.kind === 'Component');
    for (const type of ['dependsOn', 'consumesApi', 'providesApi', 'partOf']) {
      expect(
        components.filter(c => c.relations!.some(r => r.type === type)).length,
      ).toBeGreaterThan(100);
    }
  });

  it('includes annotation mistakes for the findings to catch', () => {
    const users = org10k.entities.filter(e => e.kind === 'User');
    const typos = users.filter(u =>
      /sceintist|enginer|devops|ml-engineer|site-reliability(,|$)/.test(
        u.metadata.annotations?.['team-insights.io/skills'] ?? '',
      ),
    );
    expect(typos.length).toBe(org10k.stats.mistakes['skill-unknown']);
    expect(typos.length).toBeGreaterThan(0);
    expect(Object.keys(org10k.stats.mistakes).length).toBeGreaterThanOrEqual(5);
  });

  it('writes catalog YAML that reads back as the entities, without what the catalog adds', () => {
    const sample = org1k.entities.slice(0, 200);
    const yaml = toCatalogYaml(sample);
    const documents = parseAllDocuments(yaml).map(d => d.toJS());
    expect(documents).toHaveLength(200);
    expect(documents).toEqual(sample.map(toSourceEntity));
    for (const document of documents) {
      expect(document.relations).toBeUndefined();
      expect(document.metadata.uid).toBeUndefined();
      expect(
        document.metadata.annotations?.['backstage.io/managed-by-location'],
      ).toBeUndefined();
    }
    // The generated entities themselves are left as they were.
    expect(sample[0].relations).toBeDefined();
  });
});
