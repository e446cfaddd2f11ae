import path from 'node:path';
import type { Report } from '@team-insights/plugin-team-insights-common';
import { run } from './__testUtils__';

// Backstage's own example catalog (packages/catalog-model/examples in
// backstage/backstage), copied unchanged; see its SOURCE.md.
const EXAMPLES = path.resolve(__dirname, '__fixtures__/backstage-examples');
const NOW = ['--now', '2026-01-15'];

describe("Backstage's example catalog", () => {
  it('is linted without a crash: undeclared team types are warnings, entities the catalog rejects are errors', async () => {
    const result = await run(['lint', '.', '--format', 'json', ...NOW], {
      cwd: EXAMPLES,
    });
    expect(result.stderr).toBe('');
    const output = JSON.parse(result.stdout);
    const teamTypeFindings = output.findings.filter(
      (f: { annotation: string | null }) =>
        f.annotation === 'team-insights.io/team-type',
    );
    expect(
      teamTypeFindings.map((f: { entityRef: string }) => f.entityRef),
    ).toEqual([
      'group:default/team-a',
      'group:default/team-b',
      'group:default/team-c',
      'group:default/team-d',
      'group:default/team-e',
    ]);
    for (const finding of teamTypeFindings) {
      expect(finding).toMatchObject({
        severity: 'warning',
        code: 'team-type.missing',
        path: expect.stringMatching(/^acme\/team-[a-e].*-group\.yaml$/),
        line: expect.any(Number),
        column: expect.any(Number),
      });
    }
    // These example APIs have no spec.definition, which the catalog-model
    // version in use requires: the catalog rejects them, and so does lint.
    const errors = output.findings.filter(
      (f: { severity: string }) => f.severity === 'error',
    );
    expect(errors.map((f: { path: string }) => f.path)).toEqual([
      'apis/backstage-mcp-server-api.yaml',
      'apis/local-ai-model-server-api.yaml',
    ]);
    // problems reading the files are not the engine's: they have no code
    for (const error of errors) expect(error.code).toBeUndefined();
    expect(result.code).toBe(1);
  });

  it('is scored: its groups become teams or organisational units, and its entities get documentation scores', async () => {
    const result = await run(['score', '.', '--format', 'json', ...NOW], {
      cwd: EXAMPLES,
    });
    expect(result.code).toBe(0);
    const report: Report = JSON.parse(result.stdout);

    expect(
      report.teams.map(t => [t.entityRef, t.teamType, t.teamTypeDeclared]),
    ).toEqual([
      ['group:default/team-a', 'feature', false],
      ['group:default/team-b', 'feature', false],
      ['group:default/team-c', 'feature', false],
      ['group:default/team-d', 'feature', false],
      ['group:default/team-e', 'feature', false],
    ]);
    expect(report.orgUnits.map(o => o.entityRef)).toEqual([
      'group:default/acme-corp',
      'group:default/backstage',
      'group:default/boxoffice',
      'group:default/infrastructure',
    ]);
    const acme = report.orgUnits.find(
      o => o.entityRef === 'group:default/acme-corp',
    )!;
    expect(acme.teams).toBe(5);

    // team-a's users declare memberOf; the relation reaches the team
    const teamA = report.teams.find(
      t => t.entityRef === 'group:default/team-a',
    )!;
    expect(teamA.members).toBeGreaterThanOrEqual(3);
    expect(teamA.owned).toContain('component:default/artist-lookup');

    const documented = report.entities.map(e => e.entityRef);
    expect(documented).toEqual(
      expect.arrayContaining([
        'api:default/petstore',
        'component:default/artist-lookup',
        'resource:default/artists-db',
        'system:default/podcast',
      ]),
    );
    expect(documented.some(ref => ref.startsWith('group:'))).toBe(false);
    expect(documented.some(ref => ref.startsWith('user:'))).toBe(false);
    for (const entity of report.entities) {
      expect(typeof entity.scorecards.documentation.score).toBe('number');
    }
    // the rejected APIs are not in the report
    expect(documented).not.toContain('api:default/backstage-mcp-server');

    // the reading problems go to stderr, the report to stdout
    expect(result.stderr).toContain('backstage-mcp-server-api.yaml');
  });

  it('renders as a table and as Markdown', async () => {
    const table = await run(['score', '.', ...NOW], { cwd: EXAMPLES });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^team-a +feature\* /m);
    expect(table.stdout).toContain(
      '* team type not declared (team-insights.io/team-type)',
    );
    const markdown = await run(['score', '.', '--format', 'markdown', ...NOW], {
      cwd: EXAMPLES,
    });
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain('| feature (not declared) |');
  });
});
