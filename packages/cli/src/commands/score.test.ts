import path from 'node:path';
import {
  emptyTimeline,
  evaluate,
} from '@team-insights/plugin-team-insights-common';
import type { Report } from '@team-insights/plugin-team-insights-common';
import { run, useTempDir, yamlEntity } from '../__testUtils__';
import { findCatalogFiles } from '../catalog/files';
import { loadCatalog } from '../catalog/loadCatalog';

const FIXTURES = path.resolve(__dirname, '../__fixtures__');
const ORG = ['org', '--now', '2026-01-15'];
const LEVEL_RANK = { none: 0, bronze: 1, silver: 2, gold: 3 } as const;

const tmp = useTempDir();

async function scoreJson(args: string[] = []): Promise<Report> {
  const result = await run(['score', ...ORG, '--format', 'json', ...args], {
    cwd: FIXTURES,
  });
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

// eslint-disable-next-line no-control-regex
const stripAnsi = (text: string) => text.replace(/\u001b\[\d+m/g, '');

describe('team-insights score', () => {
  it('prints the engine report for the files as JSON, exactly as the REST API shapes it', async () => {
    const result = await run(['score', ...ORG, '--format', 'json'], {
      cwd: FIXTURES,
    });
    expect(result.code).toBe(0);
    const report: Report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual([
      'version',
      'evaluatedAt',
      'teams',
      'orgUnits',
      'entities',
      'products',
      'concerns',
      'findings',
    ]);
    expect(report.version).toBe(1);
    expect(report.evaluatedAt).toBe('2026-01-15T00:00:00.000Z');
    for (const list of [
      report.teams,
      report.orgUnits,
      report.entities,
      report.products,
    ]) {
      const refs = list.map(item => item.entityRef);
      expect(refs).toEqual([...refs].sort());
    }
    expect(report.teams.map(t => t.entityRef)).toEqual([
      'group:default/data-lab',
      'group:default/ml-platform',
      'group:default/recs',
      'group:default/search-ranking',
    ]);
    expect(report.orgUnits.map(o => o.entityRef)).toEqual(['group:default/ml']);

    // The CLI presents the engine's report and adds nothing of its own.
    const files = await findCatalogFiles(['org'], FIXTURES);
    const catalog = await loadCatalog(files, p => p);
    const direct = evaluate(catalog.entities, {
      now: new Date('2026-01-15T00:00:00.000Z'),
      timeline: emptyTimeline(),
    });
    expect(result.stdout).toBe(`${JSON.stringify(direct, null, 2)}\n`);
  });

  it('builds the organisation from relations in both directions', async () => {
    const report = await scoreJson();
    const recs = report.teams.find(t => t.entityRef === 'group:default/recs')!;
    // jdoe is a member through the Group's spec.members only, and recs
    // belongs to ml through its own spec.parent only
    expect(recs.members).toBe(1);
    expect(recs.parent).toBe('group:default/ml');
    const ranking = report.teams.find(
      t => t.entityRef === 'group:default/search-ranking',
    )!;
    expect(ranking.owned).toEqual(['component:default/ranker']);
  });

  it('is byte-identical from run to run', async () => {
    const first = await run(['score', ...ORG, '--format', 'json'], {
      cwd: FIXTURES,
    });
    const second = await run(['score', ...ORG, '--format', 'json'], {
      cwd: FIXTURES,
    });
    expect(second.stdout).toBe(first.stdout);
  });

  it('shows one row per team with three levels and the worst check, within 100 columns', async () => {
    const result = await run(['score', ...ORG], { cwd: FIXTURES });
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^TEAM +TYPE +SIZE +COMPOSITION +ADOPTION +DOCS +WORST CHECK$/,
    );
    const report = await scoreJson();
    for (const team of report.teams) {
      const row = lines.find(l => l.startsWith(`${team.title} `));
      expect(row).toBeDefined();
      const { composition, adoption, documentation } = team.scorecards;
      for (const card of [composition, adoption, documentation]) {
        expect(row).toContain(
          card.level === null ? '–' : `${card.level} ${card.score}`,
        );
      }
    }
    expect(lines.find(l => l.startsWith('Data Lab '))).toMatch(
      /✖ (composition|docs)\.[a-z-]+$/,
    );
    expect(result.stdout).toContain('ORGANISATIONAL UNIT');
    expect(result.stdout).not.toContain('\u001b[');
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(100);
    }
  });

  it('keeps the table within 100 columns for long names, and colours it only on a terminal', async () => {
    tmp.write({
      'long/catalog-info.yaml': yamlEntity(
        'Group',
        'a-team-with-a-really-long-name-that-goes-on-and-on-and-on',
        {
          title:
            'A Team With A Really Long Name That Goes On And On And On And Does Not Stop',
          annotations: { 'team-insights.io/team-type': 'centralized' },
          spec: { type: 'team', children: [] },
        },
      ),
    });
    const coloured = await run(['score', 'long'], {
      cwd: tmp.path,
      tty: true,
    });
    expect(coloured.code).toBe(0);
    expect(coloured.stdout).toContain('\u001b[');
    for (const line of stripAnsi(coloured.stdout).split('\n')) {
      expect([...line].length).toBeLessThanOrEqual(100);
    }
    expect(stripAnsi(coloured.stdout)).toContain('A Team With A Really');
    expect(stripAnsi(coloured.stdout)).toContain('…');

    const noColor = await run(['score', 'long'], {
      cwd: tmp.path,
      tty: true,
      env: { NO_COLOR: '1' },
    });
    expect(noColor.stdout).toBe(stripAnsi(coloured.stdout));
  });

  it('writes Markdown for a pull-request comment: a summary table and collapsible remediations per team', async () => {
    const result = await run(['score', ...ORG, '--format', 'markdown'], {
      cwd: FIXTURES,
    });
    expect(result.code).toBe(0);
    const md = result.stdout;
    expect(
      md.startsWith('<!-- team-insights-report -->\n## Team Insights\n'),
    ).toBe(true);
    expect(md).toContain(
      '| Team | Type | Size | Composition | Adoption | Documentation |',
    );
    expect(md).toMatch(
      /^\| Data Lab \(`group:default\/data-lab`\) \| expertise \| 5 \| .+ \| .+ \| .+ \|$/m,
    );
    expect(md).toContain('<summary><strong>Data Lab</strong>:');
    expect(md).toContain('(`composition.cross-functional`, weight 2)');
    // the fix is the team's own file: its name, title, annotations and parent
    expect(md).toContain(
      [
        '```yaml',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Group',
        'metadata:',
        '  name: data-lab',
        '  title: Data Lab',
        '  annotations:',
        '    team-insights.io/skills: data-scientist=5',
        '    team-insights.io/team-type: feature # was: expertise',
        'spec:',
        '  type: team',
        // from the ml Group's children
        '  parent: ml',
        '```',
      ].join('\n'),
    );
    expect(md.match(/<details>/g)?.length).toBe(
      md.match(/<\/details>/g)?.length,
    );
  });

  it('narrows everything to the teams and entities given with --entity', async () => {
    const report = await scoreJson([
      '--entity',
      'search-ranking',
      '--entity',
      'component:default/notebooks',
    ]);
    expect(report.teams.map(t => t.entityRef)).toEqual([
      'group:default/search-ranking',
    ]);
    expect(report.orgUnits).toEqual([]);
    expect(report.entities.map(e => e.entityRef)).toEqual([
      'component:default/notebooks',
      'component:default/ranker',
    ]);

    const table = await run(
      ['score', ...ORG, '--entity', 'group:default/search-ranking'],
      { cwd: FIXTURES },
    );
    expect(table.stdout).toContain('Search Ranking');
    expect(table.stdout).not.toContain('Data Lab');
    expect(table.stdout).toMatch(
      /^component:default\/ranker +group:default\/search-ranking/m,
    );
  });

  it('exits 2 for an --entity that is not in the files', async () => {
    const result = await run(['score', ...ORG, '--entity', 'ranking'], {
      cwd: FIXTURES,
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      "team-insights: --entity 'ranking': no team or entity group:default/ranking in the files read (did you mean group:default/search-ranking?)\n",
    );
  });

  it('exits 1 with --fail-below when a team is below the level on any scorecard, naming each', async () => {
    const report = await scoreJson();
    const expected = report.teams.flatMap(team =>
      (['composition', 'adoption', 'documentation'] as const)
        .filter(id => {
          const level = team.scorecards[id].level;
          return level !== null && LEVEL_RANK[level] < LEVEL_RANK.gold;
        })
        .map(id => `${team.entityRef}  ${id}`),
    );
    expect(expected.length).toBeGreaterThan(0);

    const result = await run(['score', ...ORG, '--fail-below', 'gold'], {
      cwd: FIXTURES,
    });
    expect(result.code).toBe(1);
    const listed = result.stderr
      .split('\n')
      .filter(l => l.startsWith('  '))
      .map(l => l.trim().split(/ {2}/).slice(0, 2).join('  '));
    expect(listed).toEqual(expected);
    expect(result.stderr).toContain(
      `${expected.length} scorecards are below gold:`,
    );
  });

  it('passes --fail-below when the selected team meets it, and never fails on a scorecard without a score', async () => {
    const report = await scoreJson();
    const recs = report.teams.find(t => t.entityRef === 'group:default/recs')!;
    expect(recs.scorecards.documentation.score).toBeNull();
    const lowest = Math.min(
      ...(['composition', 'adoption'] as const).map(
        id => LEVEL_RANK[recs.scorecards[id].level!],
      ),
    );
    expect(lowest).toBeGreaterThanOrEqual(LEVEL_RANK.bronze);

    const result = await run(
      ['score', ...ORG, '--entity', 'recs', '--fail-below', 'bronze'],
      { cwd: FIXTURES },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('rejects an unknown --fail-below level as a usage error', async () => {
    const result = await run(['score', ...ORG, '--fail-below', 'platinum'], {
      cwd: FIXTURES,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("argument 'platinum' is invalid");
  });

  it('uses the teamInsights section of an app-config file given with --config', async () => {
    tmp.write({
      'app-config.yaml': [
        'app:',
        '  title: Anything else is ignored',
        'teamInsights:',
        '  teamTypes:',
        '    feature:',
        '      requiredSkills: [data-scientist]',
      ].join('\n'),
      'bad-config.yaml': 'teamInsights:\n  teamTypes:\n    squad: {}\n',
    });
    const recsOf = (r: Report) =>
      r.teams.find(t => t.entityRef === 'group:default/recs')!;
    const before = recsOf(await scoreJson());
    expect(before.missingSkills.length).toBeGreaterThan(0);
    const after = recsOf(
      await scoreJson(['--config', path.join(tmp.path, 'app-config.yaml')]),
    );
    expect(after.requiredSkills).toEqual(['data-scientist']);
    expect(after.missingSkills).toEqual([]);

    const bad = await run(
      ['score', ...ORG, '--config', path.join(tmp.path, 'bad-config.yaml')],
      { cwd: FIXTURES },
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /^team-insights: .*bad-config\.yaml: .*teamTypes\.squad/,
    );
    expect(bad.stderr.trim().split('\n').length).toBeLessThanOrEqual(3);
  });
});
