// Browser test of the real portal: the backend of this repository serving the
// built app with the demo organisation, driven in Debian's Chromium.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  buildApp,
  launchChromium,
  openSignedIn,
  repoRoot,
  startPortal,
} from './portal.mjs';

const shotsDir = path.join(repoRoot, 'e2e-test-report');
// UPDATE_SCREENSHOTS=1 also refreshes the pictures of the README.
const docsImages = process.env.UPDATE_SCREENSHOTS
  ? path.join(repoRoot, 'docs/images')
  : undefined;

let portal;
let browser;

async function shot(page, name) {
  fs.mkdirSync(shotsDir, { recursive: true });
  const file = path.join(shotsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  if (docsImages) {
    fs.mkdirSync(docsImages, { recursive: true });
    fs.copyFileSync(file, path.join(docsImages, `${name}.png`));
  }
}

/** Runs `body` on a new signed-in page of `urlPath`, then closes it. */
async function onPage(urlPath, body) {
  const { context, page } = await openSignedIn(
    browser,
    portal.baseUrl,
    urlPath,
  );
  try {
    await body(page);
  } finally {
    await context.close();
  }
}

before(async () => {
  buildApp();
  portal = await startPortal();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await portal?.stop();
});

test('a guest signs in and lands on the Team Insights overview', async () => {
  await onPage('/team-insights', async page => {
    await page
      .getByRole('heading', { name: 'Team Insights', exact: true })
      .first()
      .waitFor();
    const teams = page.getByRole('region', { name: 'Teams', exact: true });
    await teams.getByRole('link', { name: 'Search Ranking' }).waitFor();
    // Every team of the demo organisation is listed, with its three levels.
    await teams.getByRole('link', { name: 'Data Lab' }).waitFor();
    await page
      .getByRole('region', { name: 'Team composition: teams per level' })
      .waitFor();
    await shot(page, 'overview');
  });
});

test('searching the table narrows it to the matching teams', async () => {
  await onPage('/team-insights', async page => {
    const teams = page.getByRole('region', { name: 'Teams', exact: true });
    await teams.getByRole('link', { name: 'Data Lab' }).waitFor();
    await teams.getByPlaceholder('Search teams').fill('pricing');
    await teams.getByRole('link', { name: 'Data Lab' }).waitFor({
      state: 'detached',
    });
    await teams.getByRole('link', { name: 'Dynamic Pricing' }).waitFor();
    // the table may show the rows of a shorter query a moment longer
    await teams
      .getByRole('link', { name: 'Search Ranking' })
      .waitFor({ state: 'detached', timeout: 30_000 });
    assert.equal(
      await teams.getByRole('link', { name: 'Search Ranking' }).count(),
      0,
    );
  });
});

test('a team with a failing check shows what to change', async () => {
  await onPage('/team-insights', async page => {
    const teams = page.getByRole('region', { name: 'Teams', exact: true });
    await teams.getByPlaceholder('Search teams').fill('fraud');
    await teams.getByRole('link', { name: 'Fraud Detection' }).click();
    // The entity page's tabs are links; the sidebar has one of the same name.
    await page
      .getByRole('link', { name: 'Team Insights', exact: true })
      .and(page.locator('[href$="/group/fraud-detection/team-insights"]'))
      .click();
    const composition = page.getByRole('list', {
      name: 'Checks of Team composition',
    });
    await composition.waitFor();
    // Fraud Detection has no analytics translator: the skill-coverage check
    // fails and its remediation says which annotation to add.
    const remediation = page.getByRole('region', {
      name: /^Remediation for Skill coverage/,
    });
    // The YAML to paste, with a copy button.
    await remediation
      .first()
      .getByText(/analytics-translator/)
      .first()
      .waitFor();
    await remediation
      .first()
      .getByRole('button', { name: 'Copy text' })
      .first()
      .waitFor();
    await page
      .getByRole('figure', { name: 'Team composition history' })
      .waitFor();
    await shot(page, 'group-tab');
  });
});

test('a component shows its documentation card with remediations', async () => {
  // A batch job of Fraud Detection that nobody documented.
  await onPage(
    '/catalog/default/component/fraud-batch-scheduler',
    async page => {
      const checks = page.getByRole('list', { name: 'Documentation checks' });
      await checks.waitFor();
      await checks.scrollIntoViewIfNeeded();
      assert.match(await checks.innerText(), /TechDocs/);
      await page
        .getByRole('region', { name: 'Remediation for TechDocs' })
        .getByText(/backstage\.io\/techdocs-ref/)
        .first()
        .waitFor();
      await shot(page, 'documentation-card');
    },
  );
});

/** The body rows of a table: rows that have a row header. */
function bodyRows(page, table) {
  return table.getByRole('row').filter({ has: page.getByRole('rowheader') });
}

test('the Adoption tab lists feature teams against products', async () => {
  await onPage('/team-insights/adoption', async page => {
    const matrix = page.getByRole('table', { name: 'Adoption matrix' });
    const row = bodyRows(page, matrix).filter({
      has: page.getByRole('rowheader', { name: 'Search Ranking' }),
    });
    await row.waitFor();
    // One cell per product, saying adopted or declined, or empty for neither.
    const cells = await row.getByRole('cell').allInnerTexts();
    assert.ok(cells.length > 0, 'no product columns');
    for (const cell of cells) {
      assert.match(cell.trim(), /^(Adopted|Declined|)$/);
    }
    assert.ok(cells.some(cell => cell.trim() === 'Adopted'));
    await shot(page, 'adoption');
  });
});

test('the Skills tab counts the people of each team per cluster', async () => {
  await onPage('/team-insights/skills', async page => {
    const heatmap = page.getByRole('table', { name: 'Skills per team' });
    const row = bodyRows(page, heatmap).filter({
      has: page.getByRole('rowheader', { name: 'Fraud Detection' }),
    });
    await row.waitFor();
    // Fraud Detection lacks an analytics translator and has data scientists.
    await row
      .getByRole('cell', { name: 'Analytics translator: required but missing' })
      .waitFor();
    await row
      .getByRole('cell', {
        name: /^Data scientist: [1-9]\d* (person|people), required$/,
      })
      .waitFor();
    assert.ok((await bodyRows(page, heatmap).count()) >= 10);
    await shot(page, 'skills');
  });
});

test('the Concerns tab shows concerns with the teams that build them', async () => {
  await onPage('/team-insights/concerns', async page => {
    const candidates = page.getByRole('region', {
      name: 'Candidates for a centralized team',
    });
    const builders = candidates.getByRole('list', { name: /^Teams building / });
    await builders.first().waitFor();
    assert.ok((await builders.first().getByRole('listitem').count()) >= 3);
    const rebuilt = page.getByRole('region', {
      name: 'Rebuilt although a product covers them',
    });
    await rebuilt
      .getByRole('list', { name: /^Products covering / })
      .first()
      .getByRole('listitem')
      .first()
      .waitFor();
    await shot(page, 'concerns');
  });
});

test('the Trends tab draws the mean scores of at least one day', async () => {
  await onPage('/team-insights/trends', async page => {
    const title = 'Mean score per scorecard, last 90 days';
    await page.getByRole('figure', { name: title }).waitFor();
    // The chart itself, named by its summary, exists only with points.
    await page.getByRole('img', { name: /^Line chart of / }).waitFor();
    const data = page.getByRole('table', { name: title });
    const days = bodyRows(page, data);
    assert.ok((await days.count()) >= 1, 'no day in the chart');
    const scores = await days.first().getByRole('cell').allInnerTexts();
    assert.equal(scores.length, 3);
    for (const score of scores) {
      assert.match(score.trim(), /^\d+(\.\d)?$/);
    }
    await shot(page, 'trends');
  });
});
