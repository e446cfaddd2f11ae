import fs from 'node:fs';
import path from 'node:path';
import { run, useTempDir } from '../__testUtils__';

const EXAMPLES = path.resolve(__dirname, '../../../../examples');
const PLAN = path.join(EXAMPLES, 'plans', 'feature-teams.yaml');
const NOW = ['--now', '2026-01-15'];

const tmp = useTempDir();

/** A copy of the demo catalog with the example plan's edits made by hand. */
function editedByHand(): string {
  const root = tmp.resolve('by-hand');
  fs.cpSync(EXAMPLES, root, { recursive: true });
  const edit = (file: string, from: string | RegExp, to: string) => {
    const full = path.join(root, file);
    const text = fs.readFileSync(full, 'utf8');
    const next = text.replace(from, to);
    if (next === text) throw new Error(`no '${from}' in ${file}`);
    fs.writeFileSync(full, next);
  };
  // move arjun.mehta from the Data Lab to Fraud Detection
  edit(
    'teams/data-lab.yaml',
    /(name: arjun\.mehta[\s\S]*?memberOf: \[)data-lab\]/,
    '$1fraud-detection]',
  );
  // split Dynamic Pricing into pricing-core and pricing-experience
  const pricing = 'teams/dynamic-pricing.yaml';
  for (const [person, team] of [
    ['sven.olsen', 'pricing-core'],
    ['fatima.zahra', 'pricing-core'],
    ['ana.costa', 'pricing-core'],
    ['yuki.sato', 'pricing-core'],
    ['jakub.kowalski', 'pricing-experience'],
    ['henrik.dahl', 'pricing-experience'],
    ['omar.farouk', 'pricing-experience'],
    ['laura.jensen', 'pricing-experience'],
  ]) {
    edit(
      pricing,
      new RegExp(
        `(name: ${person.replace(
          '.',
          '\\.',
        )}[\\s\\S]*?memberOf: \\[)dynamic-pricing\\]`,
      ),
      `$1${team}]`,
    );
  }
  const group = (name: string, skills?: string) =>
    [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Group',
      'metadata:',
      `  name: ${name}`,
      '  annotations:',
      '    team-insights.io/team-type: feature',
      ...(skills ? [`    team-insights.io/skills: ${skills}`] : []),
      // both halves keep the team's decision, with its reason
      "    team-insights.io/declined-products: 'component:default/model-monitoring: prices need alerts within a minute and the product checks hourly'",
      'spec:',
      '  type: team',
      '  parent: trust-and-pricing',
      '  children: []',
    ].join('\n');
  const text = fs.readFileSync(path.join(root, pricing), 'utf8');
  const start = text.indexOf('apiVersion:');
  const end = text.indexOf('\n---\n');
  fs.writeFileSync(
    path.join(root, pricing),
    `${text.slice(0, start)}${group(
      'pricing-core',
      'data-scientist=4, data-engineer=3, back-end-engineer=2, front-end-engineer=1',
    )}\n---\n${group('pricing-experience')}${text.slice(end)}`.replace(
      /owner: (group:default\/)?dynamic-pricing/g,
      'owner: pricing-core',
    ),
  );
  edit(
    'org.yaml',
    '[fraud-detection, dynamic-pricing, demand-forecasting, seller-insights]',
    '[fraud-detection, demand-forecasting, seller-insights]',
  );
  return root;
}

function withoutTimes(report: { evaluatedAt: string }) {
  return JSON.stringify({ ...report, evaluatedAt: '' });
}

describe('team-insights plan', () => {
  it('prints before and after; after is what score prints for the catalog edited by hand', async () => {
    const planned = await run(
      ['plan', '--changes', PLAN, 'examples', ...NOW, '--format', 'json'],
      { cwd: path.dirname(EXAMPLES) },
    );
    expect(planned.stderr).not.toMatch(/error/i);
    expect(planned.code).toBe(0);
    const { before, after, changes } = JSON.parse(planned.stdout);
    expect(changes).toHaveLength(2);

    const original = await run(
      ['score', 'examples', ...NOW, '--format', 'json'],
      { cwd: path.dirname(EXAMPLES) },
    );
    expect(withoutTimes(before)).toBe(
      withoutTimes(JSON.parse(original.stdout)),
    );

    const root = editedByHand();
    const byHand = await run(['score', '.', ...NOW, '--format', 'json'], {
      cwd: root,
    });
    expect(byHand.code).toBe(0);
    expect(withoutTimes(after)).toBe(withoutTimes(JSON.parse(byHand.stdout)));

    const fraud = after.teams.find(
      (t: any) => t.entityRef === 'group:default/fraud-detection',
    );
    expect(fraud.scorecards.composition.level).toBe('gold');
    expect(
      after.teams.some(
        (t: any) => t.entityRef === 'group:default/dynamic-pricing',
      ),
    ).toBe(false);
  });

  it('says in text and Markdown which levels move and which files to edit', async () => {
    const text = await run(['plan', '--changes', PLAN, 'examples', ...NOW], {
      cwd: path.dirname(EXAMPLES),
    });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      'group:default/fraud-detection\n  size 6 → 7, communication paths 15 → 21\n  composition  silver (77) → gold (96)\n    composition.skill-coverage  fail → pass',
    );
    expect(text.stdout).toContain(
      'update user:default/arjun.mehta (examples/teams/data-lab.yaml)\n  # spec.memberOf (was: ["data-lab"])\n  memberOf:\n    - fraud-detection',
    );
    const markdown = await run(
      ['plan', '--changes', PLAN, 'examples', ...NOW, '--format', 'markdown'],
      { cwd: path.dirname(EXAMPLES) },
    );
    expect(markdown.stdout).toContain(
      '| Fraud Detection | silver (77) → gold (96) | gold (100) → gold (100) | bronze (56) → bronze (56) | 6 → 7 |',
    );
  });

  it('exits 2 without a plan when a change names someone who does not exist', async () => {
    tmp.write({
      'bad.yaml':
        'changes:\n  - teamType: { team: data-lab, type: feature }\n  - move: { user: nobody, from: data-lab, to: fraud-detection }\n',
    });
    const result = await run(
      ['plan', '--changes', tmp.resolve('bad.yaml'), 'examples', ...NOW],
      { cwd: path.dirname(EXAMPLES) },
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("changes[1] (move): unknown user 'nobody'");
  });
});
