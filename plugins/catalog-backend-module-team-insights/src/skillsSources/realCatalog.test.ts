import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  createMockDirectory,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { evaluate, Report } from '@team-insights/plugin-team-insights-common';
import request from 'supertest';
import catalogModuleTeamInsights from '../index';

jest.setTimeout(180_000);

const mockDir = createMockDirectory();
const NOW = '2026-01-15';
const CLI = path.resolve(
  __dirname,
  '../../../../packages/cli/bin/team-insights',
);

// Users as a directory provider ingests them: names, e-mail addresses and
// memberships, no Team Insights annotations.
const person = (name: string, team: string) => `---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: ${name}
spec:
  profile:
    email: ${name}@example.com
  memberOf: [${team}]
`;

const CATALOG = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: ml
spec:
  type: department
  children: [search, pricing]
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: search
  annotations:
    team-insights.io/team-type: feature
spec:
  type: team
  parent: ml
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: pricing
  annotations:
    team-insights.io/team-type: feature
spec:
  type: team
  parent: ml
  children: []
${person('ann', 'search')}${person('bob', 'search')}${person(
  'cy',
  'search',
)}${person('dee', 'search')}${person('eve', 'pricing')}${person(
  'fay',
  'pricing',
)}${person('gus', 'pricing')}`;

// One column per way of naming a person; the pricing team lacks an
// analytics translator.
const SKILLS = [
  'user,skills,department',
  'ann@example.com,"data-scientist, analytics-translator",ML',
  'user:default/bob,"data-engineer, data-scientist",ML',
  'CY,"sre, data-engineer",ML',
  'dee,"analytics-translator, sre",ML',
  'eve@example.com,data-scientist,ML',
  'fay,"data-engineer, data-sceintist",ML',
  'gus,site-reliability-engineer,ML',
].join('\r\n');

function coverage(report: Pick<Report, 'teams'>) {
  return Object.fromEntries(
    report.teams.map(team => [
      team.entityRef,
      team.scorecards.composition.checks.find(
        c => c.id === 'composition.skill-coverage',
      )?.status,
    ]),
  );
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

describe('skills from a source, through the real catalog', () => {
  beforeAll(() => {
    mockDir.setContent({ 'catalog-info.yaml': CATALOG, 'skills.csv': SKILLS });
  });

  it('gives the teams their coverage, and the CLI reports the same with the same file', async () => {
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleTeamInsights,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              processingInterval: { seconds: 1 },
              rules: [{ allow: ['User', 'Group', 'Location'] }],
              locations: [
                { type: 'file', target: mockDir.resolve('catalog-info.yaml') },
              ],
            },
            teamInsights: {
              skillsSources: [{ target: mockDir.resolve('skills.csv') }],
            },
          },
        }),
      ],
    });
    let fromCatalog: Report;
    try {
      const entities = await waitFor(
        'the Users with their skills',
        async () => {
          const res = await request(backend.server).get(
            '/api/catalog/entities',
          );
          const list = res.body as Entity[];
          const users = list.filter(e => e.kind === 'User');
          const groups = list.filter(e => e.kind === 'Group');
          const ready =
            users.length === 7 &&
            groups.length === 3 &&
            users.every(
              u => u.metadata.annotations?.['team-insights.io/skills'],
            );
          return ready ? list : undefined;
        },
      );
      const byName = Object.fromEntries(
        entities.map(e => [
          e.metadata.name,
          e.metadata.annotations?.['team-insights.io/skills'],
        ]),
      );
      expect(byName).toMatchObject({
        ann: 'data-scientist, analytics-translator',
        bob: 'data-engineer, data-scientist',
        cy: 'site-reliability-engineer, data-engineer',
        fay: 'data-engineer',
      });
      fromCatalog = evaluate(entities, { now: new Date(NOW) });
    } finally {
      await backend.stop();
    }

    expect(coverage(fromCatalog)).toEqual({
      'group:default/pricing': 'fail',
      'group:default/search': 'pass',
    });
    const missing = fromCatalog.teams
      .find(t => t.entityRef === 'group:default/pricing')!
      .scorecards.composition.checks.find(
        c => c.id === 'composition.skill-coverage',
      )!.message;
    expect(missing).toContain('analytics-translator');

    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        CLI,
        'score',
        '--skills-source',
        'skills.csv',
        'catalog-info.yaml',
        '--format',
        'json',
        '--now',
        NOW,
      ],
      {
        cwd: mockDir.path,
        timeout: 120_000,
        env: { ...process.env, INIT_CWD: mockDir.path },
      },
    );
    const fromCli: Report = JSON.parse(stdout);
    expect(fromCli.teams).toEqual(fromCatalog.teams);
    expect(fromCli.orgUnits).toEqual(fromCatalog.orgUnits);
  });
});
