import fs from 'node:fs';
import path from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import { parseAllDocuments } from 'yaml';
import type { TeamInsightsCheck } from './customChecks';
import { evaluate } from './evaluate';
import { FINDING_CODES, FindingCode } from './findingCodes';
import { lintEntity } from './lint';
import { component, group, NOW, user } from './testing/entities';
import type { Finding } from './types';

const REPO = path.resolve(__dirname, '../../..');

/** Catalog entities of every YAML file under a folder of the repository. */
function catalogUnder(folder: string): Entity[] {
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return files(full);
      return /\.ya?ml$/.test(entry.name) ? [full] : [];
    });
  return files(path.join(REPO, folder))
    .sort()
    .flatMap(file =>
      parseAllDocuments(fs.readFileSync(file, 'utf8')).map(doc => doc.toJS()),
    )
    .filter(
      (doc): doc is Entity =>
        typeof doc?.apiVersion === 'string' &&
        doc.apiVersion.startsWith('backstage.io/') &&
        typeof doc.metadata?.name === 'string',
    );
}

function check(
  id: string,
  evaluateCheck: TeamInsightsCheck['evaluate'],
): TeamInsightsCheck {
  return {
    id,
    scorecard: 'composition',
    title: id,
    description: id,
    weight: 1,
    evaluate: evaluateCheck,
  };
}

interface Case {
  entities: Entity[];
  customChecks?: TeamInsightsCheck[];
}

const team = (annotations: Record<string, string>) =>
  group('search', { teamType: 'feature', annotations });
const item = (annotation: string, value: string) => ({
  entities: [team({ [`team-insights.io/${annotation}`]: value })],
});
const onComponent = (annotations: Record<string, string>) => ({
  entities: [component('svc', { owner: 'search', annotations })],
});
const unknownAnnotations = Object.fromEntries(
  Array.from({ length: 21 }, (_, i) => [`team-insights.io/nonsense-${i}`, 'x']),
);

/** For each code, a catalog that makes the engine emit it. */
const CASES: Record<FindingCode, Case> = {
  'annotation.unknown': item('team-tipe', 'feature'),
  'annotation.unknown-more': { entities: [team(unknownAnnotations)] },
  'annotation.wrong-kind': onComponent({
    'team-insights.io/team-type': 'feature',
  }),
  'annotation.not-a-string': {
    entities: [
      team({ 'team-insights.io/public-badge': true as unknown as string }),
    ],
  },
  'annotation.too-long': item('required-skills', 'a,'.repeat(3000)),
  'annotation.too-many-items': item(
    'required-skills',
    Array(201).fill('data-scientist').join(','),
  ),
  'annotation.not-a-boolean': item('public-badge', 'yes'),
  'team-type.unknown': { entities: [group('search', { teamType: 'featrue' })] },
  'team-type.missing': { entities: [group('search')] },
  'skills.unknown-cluster': item('skills', 'data-sceintist=1'),
  'skills.duplicate-cluster': item(
    'skills',
    'data-scientist=1, data-scientist=2',
  ),
  'skills.unexpected-count': {
    entities: [user('jdoe', { skills: 'data-scientist=2' })],
  },
  'skills.missing-head-count': item('skills', 'data-scientist'),
  'skills.invalid-head-count': item('skills', 'data-scientist=many'),
  'required-skills.none-valid': item('required-skills', 'astronaut'),
  'declined-products.invalid-ref': item('declined-products', 'has spaces in'),
  'declined-products.reason-missing-space': item(
    'declined-products',
    'feature-store:needs streaming',
  ),
  'declined-products.empty-reason': item('declined-products', 'feature-store:'),
  'declined-products.reason-too-long': item(
    'declined-products',
    `feature-store: ${'because '.repeat(40)}`,
  ),
  'declined-products.unresolved': item('declined-products', 'nowhere'),
  'declined-products.not-a-product': {
    entities: [
      team({ 'team-insights.io/declined-products': 'svc' }),
      component('svc', { owner: 'search' }),
    ],
  },
  'product.mandatory-not-product': onComponent({
    'team-insights.io/product': 'false',
    'team-insights.io/mandatory': 'true',
  }),
  'concern.empty': onComponent({ 'team-insights.io/concern': ' ' }),
  'concern.several': onComponent({
    'team-insights.io/concern': 'monitoring, logging',
  }),
  'concern.invalid': onComponent({ 'team-insights.io/concern': 'Not A Slug!' }),
  'waiver.unreadable': item('waivers', ': nothing'),
  'waiver.unknown-check': item(
    'waivers',
    'composition.team-sise until 2026-04-01: x',
  ),
  'waiver.missing-date': item('waivers', 'composition.team-size: x'),
  'waiver.invalid-date': item(
    'waivers',
    'composition.team-size until 2026-02-30: x',
  ),
  'waiver.missing-reason': item(
    'waivers',
    'composition.team-size until 2026-04-01',
  ),
  'waiver.reason-too-long': item(
    'waivers',
    `composition.team-size until 2026-04-01: ${'x'.repeat(1001)}`,
  ),
  'waiver.too-long': item(
    'waivers',
    'composition.team-size until 2030-01-01: x',
  ),
  'waiver.duplicate': item(
    'waivers',
    'composition.team-size until 2026-04-01: x; composition.team-size until 2026-04-02: y',
  ),
  'waiver.expired': item(
    'waivers',
    'composition.team-size until 2026-01-31: x',
  ),
  'waiver.no-effect': onComponent({
    'team-insights.io/waivers': 'composition.team-size until 2026-04-01: x',
  }),
  'check.failed': {
    entities: [team({})],
    customChecks: [
      check('composition.throws', () => {
        throw new Error('no pager');
      }),
    ],
  },
  'check.invalid-result': {
    entities: [team({})],
    customChecks: [
      check('composition.says-nothing', () => ({ status: 'great' } as any)),
    ],
  },
};

/** Every finding the engine emits for a catalog, on its own and together. */
function findingsOf({ entities, customChecks }: Case): Finding[] {
  return [
    ...entities.flatMap(e => lintEntity(e, { now: NOW })),
    ...evaluate(entities, { now: NOW, customChecks }).findings,
  ];
}

const REPOSITORY_CATALOGS = ['examples', 'packages/cli/src/__fixtures__'];

describe('finding codes', () => {
  it.each(Object.entries(CASES) as [FindingCode, Case][])(
    '%s is emitted for a catalog made to produce it',
    (code, input) => {
      expect(findingsOf(input).map(f => f.code)).toContain(code);
    },
  );

  it('every finding over the test cases and the repository catalogs has a listed code with its severity, and structured values', () => {
    const findings = [
      ...Object.values(CASES).flatMap(findingsOf),
      ...REPOSITORY_CATALOGS.flatMap(folder =>
        findingsOf({ entities: catalogUnder(folder) }),
      ),
    ];
    expect(findings.length).toBeGreaterThan(Object.keys(CASES).length);
    for (const finding of findings) {
      expect(Object.keys(FINDING_CODES)).toContain(finding.code);
      expect({ code: finding.code, severity: finding.severity }).toEqual({
        code: finding.code,
        severity: FINDING_CODES[finding.code].severity,
      });
      for (const value of Object.values(finding.params ?? {})) {
        expect(['string', 'number']).toContain(typeof value);
      }
      for (const ref of finding.entityRefs ?? []) {
        expect(ref).toMatch(/^[a-z0-9-]+:[^/]+\/.+$/);
        expect(ref).toBe(ref.toLowerCase());
      }
    }
  });

  it('names the declined product in params and, when it is an entity, in entityRefs', () => {
    const [notAProduct] = findingsOf(
      CASES['declined-products.not-a-product'],
    ).filter(f => f.code === 'declined-products.not-a-product');
    expect(notAProduct).toMatchObject({
      entityRef: 'group:default/search',
      params: { product: 'component:default/svc' },
      entityRefs: ['component:default/svc'],
    });
    const [unresolved] = findingsOf(
      CASES['declined-products.unresolved'],
    ).filter(f => f.code === 'declined-products.unresolved');
    expect(unresolved.params).toEqual({ product: 'component:default/nowhere' });
    expect(unresolved.entityRefs).toBeUndefined();
  });

  it('gives an expired waiver its check and date as params', () => {
    const [expired] = findingsOf(CASES['waiver.expired']).filter(
      f => f.code === 'waiver.expired',
    );
    expect(expired.params).toEqual({
      checkId: 'composition.team-size',
      until: '2026-01-31',
    });
  });

  it('are each documented in docs/annotations.md, which lists no other', () => {
    const docs = fs.readFileSync(
      path.join(REPO, 'docs/annotations.md'),
      'utf8',
    );
    const section = docs.slice(docs.indexOf('\n## Finding codes\n'));
    const documented = [
      ...section.matchAll(/^\| `([a-z-]+\.[a-z-]+)` +\|/gm),
    ].map(m => m[1]);
    expect([...documented].sort()).toEqual(Object.keys(FINDING_CODES).sort());
  });
});
