import fs from 'node:fs';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import Ajv from 'ajv';
import { parseAllDocuments } from 'yaml';
import { readTeamInsightsConfig } from '../config';
import { catalogInfoJsonSchema } from './catalogInfoSchema';

// eslint-disable-next-line @backstage/no-relative-monorepo-imports
const generator = require('../../scripts/generate-schema.js');

const REPO = path.resolve(__dirname, '../../../..');
const PUBLISHED = path.resolve(
  __dirname,
  '../../schema/catalog-info.schema.json',
);

function yamlFiles(folder: string): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .flatMap(entry => {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) return yamlFiles(full);
      return /\.ya?ml$/.test(entry.name) ? [full] : [];
    })
    .sort();
}

/** Every catalog document of the files under a folder. */
function documents(folder: string) {
  return yamlFiles(folder).flatMap(file =>
    parseAllDocuments(fs.readFileSync(file, 'utf8'))
      .map((doc, index) => ({
        where: `${path.relative(REPO, file)}#${index}`,
        json: doc.toJS() as { apiVersion?: string },
      }))
      .filter(d => /backstage\.io\//.test(String(d.json?.apiVersion ?? ''))),
  );
}

const published = JSON.parse(fs.readFileSync(PUBLISHED, 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(published);

const user = (skills: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: {
    name: 'jdoe',
    annotations: { 'team-insights.io/skills': skills },
  },
  spec: { memberOf: [] },
});

describe('the JSON Schema for catalog-info.yaml', () => {
  it('is up to date with the vocabulary and the catalog model (run `yarn generate:schema` in plugins/team-insights-common when this fails)', () => {
    const fresh = JSON.parse(generator.schemaText(catalogInfoJsonSchema));
    expect(published).toEqual(fresh);
  });

  /** The documents the schema rejects, with the annotations it points at. */
  function rejected(folder: string) {
    const docs = documents(folder);
    expect(docs.length).toBeGreaterThan(10);
    return docs.flatMap(d => {
      if (validate(d.json)) return [];
      const at = new Set(
        (validate.errors ?? [])
          .map(e => e.instancePath)
          .filter(p => p.startsWith('/metadata/annotations/')),
      );
      return [{ where: d.where, at: [...at].sort() }];
    });
  }

  it("accepts every document of Backstage's example catalog", () => {
    expect(
      rejected(
        path.join(REPO, 'packages/cli/src/__fixtures__/backstage-examples'),
      ),
    ).toEqual([]);
  });

  it('accepts every document of the demo organisation but those with its deliberate annotation mistakes, at the annotation', () => {
    // examples/README.md lists the mistakes; the unresolvable declined
    // product is well-formed, only the catalog can tell it names nothing.
    expect(rejected(path.join(REPO, 'examples'))).toEqual([
      {
        where: 'examples/teams/data-platform.yaml#0',
        at: ['/metadata/annotations/team-insights.io~1skills'],
      },
      {
        where: 'examples/teams/recommendations.yaml#2',
        at: ['/metadata/annotations/team-insights.io~1skills'],
      },
      {
        where: 'examples/teams/seller-insights.yaml#0',
        at: ['/metadata/annotations/team-insights.io~1team-type'],
      },
    ]);
  });

  it('rejects a misspelt skill cluster, a head count on a User and an unknown team type, and accepts what the engine accepts', () => {
    expect(validate(user('data-sceintist'))).toBe(false);
    expect(validate(user('data-engineer, data-sceintist'))).toBe(false);
    expect(validate(user('data-scientist=2'))).toBe(false);
    expect(validate(user(' Data-Engineer ,SRE, '))).toBe(true);
    expect(validate(user(''))).toBe(true);

    const group = (annotations: Record<string, string>) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'search', annotations },
      spec: { type: 'team', children: [] },
    });
    expect(
      validate(group({ 'team-insights.io/skills': 'data-scientist=2, sre=1' })),
    ).toBe(true);
    expect(
      validate(group({ 'team-insights.io/skills': 'data-scientist' })),
    ).toBe(false);
    expect(
      validate(group({ 'team-insights.io/skills': 'data-engineer=two' })),
    ).toBe(false);
    expect(validate(group({ 'team-insights.io/team-type': 'Platform' }))).toBe(
      true,
    );
    expect(validate(group({ 'team-insights.io/team-type': 'featrue' }))).toBe(
      false,
    );
    expect(
      validate(
        group({
          'team-insights.io/waivers':
            'composition.team-size until 2026-06-30: merging; docs.links until 2026-07-01: soon',
        }),
      ),
    ).toBe(true);
    expect(
      validate(group({ 'team-insights.io/waivers': 'composition.team-size' })),
    ).toBe(false);

    const declined = (value: string) =>
      validate(group({ 'team-insights.io/declined-products': value }));
    expect(declined('component:default/feature-store, batch-runner')).toBe(
      true,
    );
    expect(
      declined(
        'feature-store: needs streaming; api:platform/metrics-api: too coarse, batch-runner',
      ),
    ).toBe(true);
    expect(declined(`feature-store: ${'x'.repeat(200)}`)).toBe(true);
    expect(declined(`feature-store: ${'x'.repeat(201)}`)).toBe(false);
    expect(declined('has spaces: why not')).toBe(false);
  });

  it('offers the skill clusters and team types with their descriptions, and follows the configured vocabulary', () => {
    const text = JSON.stringify(published);
    expect(text).toContain(
      'Without one, chances are the team solves the wrong problem',
    );
    expect(text).toContain('split ownership and many hand-overs');

    const custom = catalogInfoJsonSchema({
      catalogModel: published.definitions,
      config: readTeamInsightsConfig(
        new ConfigReader({
          teamInsights: {
            skillClusters: [{ id: 'ml-engineer', title: 'ML engineer' }],
          },
        }),
      ),
    });
    expect(validate(user('ml-engineer'))).toBe(false);
    expect(
      new Ajv({ strict: false }).validate(custom, user('ml-engineer')),
    ).toBe(true);
  });
});
