// Browser tests of what the portal shows about the demo organisation: each
// expected value comes from `team-insights score --format json` over the same
// catalog files, skills source and custom checks the portal reads, so a view
// that shows a wrong level, cell, verdict, trend or snippet fails here.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  buildApp,
  guestToken,
  launchChromium,
  openSignedIn,
  pollUntil,
  repoRoot,
  startPortal,
} from './portal.mjs';

const FIXTURE = path.join(
  repoRoot,
  'packages/app/e2e-tests/fixtures/edit-link.yaml',
);
const API = '/api/team-insights/v1';

/**
 * A component the trend test documents while the portal runs: first without
 * TechDocs, links or tags, then with them, so its documentation score and
 * the organisation's mean change.
 */
const PROBE = 'component:default/review-queue';
function probeYaml(documented) {
  const extra = documented
    ? [
        '  tags: [labels]',
        '  links:',
        '    - url: https://review.example.com/queue',
        '      title: Queue',
        '  annotations:',
        '    backstage.io/techdocs-ref: dir:.',
      ]
    : [];
  return [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    '  name: review-queue',
    '  title: Review queue',
    '  description: Queues disputed chargebacks for a second review by analysts.',
    ...extra,
    'spec:',
    '  type: service',
    '  lifecycle: production',
    '  owner: group:default/label-review',
    '',
  ].join('\n');
}
const probeFile = path.join(
  fs.mkdtempSync(path.join(os.tmpdir(), 'team-insights-e2e-probe-')),
  'review-queue.yaml',
);
fs.writeFileSync(probeFile, probeYaml(false));

// As the frontend labels them (plugins/team-insights/src/components/common/labels.ts).
const SCORECARD_TITLES = {
  composition: 'Team composition',
  adoption: 'Platform adoption',
  documentation: 'Documentation',
};
const LEVEL_LABELS = {
  gold: 'Gold',
  silver: 'Silver',
  bronze: 'Bronze',
  none: 'Below bronze',
};
const VERDICT_LABELS = {
  rebuilt: 'Rebuilt although a product covers it',
  'centralize-candidate': 'Candidate for a centralized team',
  covered: 'Covered by a product',
  local: 'Built locally',
};
const LEVEL_CHIP = /^(?:(?:Gold|Silver|Bronze|Below bronze) · \d+|Not scored)$/;

let portal;
let browser;
let token;
/** The CLI's report of what the portal reads, evaluated today. */
let expected;

/**
 * Scores what the portal reads: the catalog locations of app-config.yaml
 * (the demo organisation in examples/ and catalog-info.yaml), the fixture
 * and the component these tests add, the skills source of app-config.yaml and the example
 * custom check that packages/backend adds, as of today (UTC), as the backend
 * evaluates.
 */
function scoreWithCli() {
  const result = spawnSync(
    process.execPath,
    [
      path.join(repoRoot, 'packages/cli/bin/team-insights'),
      'score',
      'examples',
      'catalog-info.yaml',
      FIXTURE,
      probeFile,
      '--skills-source',
      'examples/skills.csv',
      '--checks',
      'plugins/team-insights-backend-module-example-checks/src/checks.ts',
      '--format',
      'json',
      '--now',
      new Date().toISOString().slice(0, 10),
    ],
    { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  assert.equal(
    result.status,
    0,
    `team-insights score failed: ${result.stderr}`,
  );
  return JSON.parse(result.stdout);
}

async function apiGet(route) {
  const res = await fetch(`${portal.baseUrl}${route}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`GET ${route}: HTTP ${res.status}`);
  return res.json();
}

const refsOf = items => items.map(item => item.entityRef).join(',');
const teamOf = ref => expected.teams.find(team => team.entityRef === ref);
const titleOf = ref =>
  [...expected.teams, ...expected.orgUnits, ...expected.entities].find(
    item => item.entityRef === ref,
  )?.title ?? ref;

/** Runs `body` on a new signed-in page of `urlPath`, then closes it. */
async function onPage(urlPath, body, options) {
  const { context, page } = await openSignedIn(
    browser,
    portal.baseUrl,
    urlPath,
    options,
  );
  try {
    await body(page);
  } finally {
    await context.close();
  }
}

before(async () => {
  expected = scoreWithCli();
  buildApp();
  portal = await startPortal({ locations: [FIXTURE, probeFile] });
  token = await guestToken(portal.baseUrl);
  // The catalog ingests the organisation in steps: wait until the portal's
  // report holds the teams and documented entities the CLI found.
  await pollUntil('the portal scores the whole catalog', 240_000, async () => {
    const report = await apiGet(`${API}/report`);
    return refsOf(report.teams) === refsOf(expected.teams) &&
      refsOf(report.entities) === refsOf(expected.entities)
      ? true
      : undefined;
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await portal?.stop();
  fs.rmSync(path.dirname(probeFile), { recursive: true, force: true });
});

test("a team's Team Insights tab shows the level and score of each scorecard", async () => {
  const team = teamOf('group:default/fraud-detection');
  // silver 79, gold 100, bronze 56 on 2026-12-06: three different levels,
  // so a card showing another card's level fails.
  const levels = Object.values(team.scorecards).map(card => card.level);
  assert.equal(new Set(levels).size, 3, `levels ${levels}`);
  await onPage(
    '/catalog/default/group/fraud-detection/team-insights',
    async page => {
      for (const [id, title] of Object.entries(SCORECARD_TITLES)) {
        const { level, score } = team.scorecards[id];
        const card = page.locator('.MuiCard-root').filter({
          has: page.getByRole('list', { name: `Checks of ${title}` }),
        });
        // The level chip in the card's header comes before any other.
        const chip = card.getByText(LEVEL_CHIP).first();
        await chip.waitFor();
        assert.equal(
          await chip.innerText(),
          `${LEVEL_LABELS[level]} · ${score}`,
          title,
        );
      }
    },
  );
});

test("a team's tab lists every entity it owns with its level, in a few requests to Team Insights", async () => {
  const team = teamOf('group:default/fraud-detection');
  const owned = expected.entities.filter(e => team.owned.includes(e.entityRef));
  assert.ok(owned.length > 1, `fraud-detection owns ${owned.length}`);
  await onPage('/catalog', async page => {
    const requests = [];
    page.on('request', req => {
      if (new URL(req.url()).pathname.startsWith(API)) requests.push(req.url());
    });
    await page.goto(
      `${portal.baseUrl}/catalog/default/group/fraud-detection/team-insights`,
    );
    const table = page.getByRole('table', {
      name: `Entities owned by ${team.title}`,
    });
    await table.waitFor();
    await page
      .getByRole('figure', { name: 'Team composition history' })
      .waitFor();
    const rows = table.getByRole('rowheader');
    assert.deepEqual(
      (await rows.allInnerTexts()).map(t => t.trim()).sort(),
      owned.map(e => e.title).sort(),
    );
    // worst documented first
    const worst = Math.min(
      ...owned.map(e => e.scorecards.documentation.score ?? 101),
    );
    const firstTitle = (await rows.first().innerText()).trim();
    const first = owned.find(e => e.title === firstTitle);
    assert.equal(first.scorecards.documentation.score, worst);
    assert.ok(
      requests.length <= 8,
      `${requests.length} requests: ${requests.join(' ')}`,
    );
  });
});

test('the adoption matrix shows whether a feature team adopted a product', async () => {
  const productRef = 'component:default/model-monitoring';
  const teamRef = 'group:default/dynamic-pricing';
  const product = expected.products.find(p => p.entityRef === productRef);
  // neither adopted nor declined: an empty cell
  let cell = '';
  if (product.adopters.includes(teamRef)) cell = 'Adopted';
  else if (product.declinedBy.includes(teamRef)) cell = 'Declined';
  // Dynamic Pricing declines Model Monitoring (examples/README.md).
  assert.equal(cell, 'Declined');
  await onPage('/team-insights/adoption', async page => {
    const matrix = page.getByRole('table', { name: 'Adoption matrix' });
    await matrix.waitFor();
    const headers = await matrix.getByRole('columnheader').allInnerTexts();
    const column = headers.findIndex(text =>
      text.startsWith(titleOf(productRef)),
    );
    assert.ok(column > 0, `no column for ${titleOf(productRef)}: ${headers}`);
    // the rate says what it counts: "1 of 4 feature teams (25 %)"
    assert.match(
      headers[column],
      new RegExp(
        `\\d+ of \\d+ feature teams? \\(${Math.round(
          product.adoptionRate * 100,
        )} %\\)`,
      ),
    );
    const row = matrix.getByRole('row').filter({
      has: page.getByRole('rowheader', { name: titleOf(teamRef) }),
    });
    // The row header is the first column; the cells follow it.
    const text = await row
      .getByRole('cell')
      .nth(column - 1)
      .innerText();
    assert.equal(text.trim(), cell);
  });
});

test('the Concerns tab gives a concern its verdict and the teams building it', async () => {
  const concern = expected.concerns.find(c => c.concern === 'batch-scheduling');
  // Four feature teams schedule their own batch jobs and no product covers
  // it: a candidate for a centralized team (examples/README.md).
  assert.equal(concern.verdict, 'centralize-candidate');
  await onPage('/team-insights/concerns', async page => {
    const section = page.getByRole('region', {
      name: 'Candidates for a centralized team',
    });
    const builders = section.getByRole('list', {
      name: 'Teams building Batch scheduling',
    });
    await builders.waitFor();
    await section.getByText(VERDICT_LABELS[concern.verdict]).first().waitFor();
    // Entity links show the entity's name until the catalog tells them its
    // title.
    const want = concern.builtBy.map(titleOf).sort();
    const names = await pollUntil(
      'the titles of the teams',
      60_000,
      async () => {
        const shown = (await builders.getByRole('listitem').allInnerTexts())
          .map(name => name.trim())
          .sort();
        if (JSON.stringify(shown) !== JSON.stringify(want)) {
          throw new Error(`shows ${shown.join(', ')}`);
        }
        return shown;
      },
    );
    assert.deepEqual(names, want);
  });
});

/** The store's mean, to one decimal, of the scores that are not null. */
function mean(scores) {
  const scored = scores.filter(score => score !== null);
  const total = scored.reduce((sum, score) => sum + score, 0);
  return String(Math.round((10 * total) / scored.length) / 10);
}

/**
 * Today's point of the Trends tab as the report implies it: composition and
 * adoption averaged over teams, documentation over documented entities.
 */
function trendPoint(report) {
  return {
    [SCORECARD_TITLES.composition]: mean(
      report.teams.map(t => t.scorecards.composition.score),
    ),
    [SCORECARD_TITLES.adoption]: mean(
      report.teams.map(t => t.scorecards.adoption.score),
    ),
    [SCORECARD_TITLES.documentation]: mean(
      report.entities.map(e => e.scorecards.documentation.score),
    ),
  };
}

test("after a refresh the Trends tab shows the day's new mean scores", async () => {
  const documentationOf = report =>
    report.entities.find(e => e.entityRef === PROBE).scorecards.documentation
      .score;
  // Document the probe; the CLI says what the refreshed report holds.
  fs.writeFileSync(probeFile, probeYaml(true));
  const refreshed = scoreWithCli();
  const want = trendPoint(refreshed);
  assert.notEqual(
    documentationOf(refreshed),
    documentationOf(expected),
    'documenting the probe changes its score',
  );
  assert.notDeepEqual(want, trendPoint(expected));

  // The catalog reads the file again within seconds; then refresh (a
  // scheduled refresh may be running: the route answers 409) until Team
  // Insights has scored the documented probe.
  await pollUntil('the catalog reads the documented probe', 120_000, async () =>
    (
      await apiGet(
        '/api/catalog/entities/by-name/component/default/review-queue',
      )
    ).metadata.annotations?.['backstage.io/techdocs-ref']
      ? true
      : undefined,
  );
  const evaluatedAt = await pollUntil(
    'a refresh scores the probe anew',
    180_000,
    async () => {
      const res = await fetch(`${portal.baseUrl}${API}/refresh`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      assert.ok(
        [202, 409].includes(res.status),
        `POST /refresh: HTTP ${res.status}`,
      );
      const report = await apiGet(`${API}/report`);
      return documentationOf(report) === documentationOf(refreshed)
        ? report.evaluatedAt
        : undefined;
    },
    2000,
  );
  const day = evaluatedAt.slice(0, 10);

  await onPage('/team-insights/trends', async page => {
    const title = 'Mean score per scorecard, last 90 days';
    // The chart's data, as a table for screen readers. The history of a
    // report is written just after it is served: reload until it shows.
    const seen = await pollUntil(
      `the new point of ${day}`,
      120_000,
      async () => {
        const table = page.getByRole('table', { name: title });
        await table.waitFor({ state: 'attached' });
        const headers = await table.getByRole('columnheader').allInnerTexts();
        const row = table.getByRole('row').filter({
          has: page.getByRole('rowheader', { name: day, exact: true }),
        });
        if ((await row.count()) === 0) {
          await page.reload();
          return undefined;
        }
        const cells = await row.getByRole('cell').allInnerTexts();
        const values = Object.fromEntries(
          headers.slice(1).map((header, i) => [header.trim(), cells[i].trim()]),
        );
        if (JSON.stringify(values) !== JSON.stringify(want)) {
          await page.reload();
          throw new Error(`shows ${JSON.stringify(values)}`);
        }
        return values;
      },
    );
    assert.deepEqual(seen, want);
    await page
      .getByRole('img', { name: new RegExp(`^Line chart of .* to ${day}\\.`) })
      .waitFor();
  });
});

test('copying a remediation puts its YAML on the clipboard', async () => {
  const check = teamOf(
    'group:default/fraud-detection',
  ).scorecards.composition.checks.find(
    c => c.id === 'composition.skill-coverage',
  );
  // The fenced YAML of the remediation, as the portal splits it off.
  const snippet = /```[\w-]*[^\S\n]*\n([\s\S]*?)\n?```/.exec(
    check.remediation,
  )?.[1];
  assert.match(snippet, /analytics-translator/);
  await onPage(
    '/catalog/default/group/fraud-detection/team-insights',
    async page => {
      const remediation = page
        .getByRole('region', { name: `Remediation for ${check.title}` })
        .first();
      await remediation
        .getByRole('button', { name: 'Copy text' })
        .first()
        .click();
      const copied = await pollUntil('the clipboard holds text', 30_000, () =>
        page
          .evaluate(() => navigator.clipboard.readText())
          .then(text => (text ? text : undefined)),
      );
      assert.equal(copied.trimEnd(), snippet.trimEnd());
    },
    { permissions: ['clipboard-read', 'clipboard-write'] },
  );
});

test("a remediation's edit link points at the entity's catalog file in its source", async () => {
  const ref = 'component:default/label-export';
  const check = expected.entities
    .find(e => e.entityRef === ref)
    .scorecards.documentation.checks.find(c => c.id === 'docs.techdocs');
  assert.equal(check.status, 'fail');
  const entity = await apiGet(
    '/api/catalog/entities/by-name/component/default/label-export',
  );
  const editUrl = entity.metadata.annotations['backstage.io/edit-url'];
  const source = entity.metadata.annotations[
    'backstage.io/source-location'
  ].replace(/^url:/, '');
  assert.ok(editUrl.startsWith(source), `${editUrl} is not in ${source}`);
  await onPage('/catalog/default/component/label-export', async page => {
    const link = page
      .getByRole('region', { name: `Remediation for ${check.title}` })
      .getByRole('link', { name: 'Edit catalog-info.yaml' });
    await link.waitFor();
    assert.equal(await link.getAttribute('href'), editUrl);
  });
});
