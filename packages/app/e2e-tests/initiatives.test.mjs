// Browser test of an initiative's page in the real portal: the demo
// initiative (app-config.yaml) over the demo history the demo backend loads
// (examples/history/demo-history.json), driven in Debian's Chromium.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { buildApp, launchChromium, repoRoot, startPortal } from './portal.mjs';

const shotsDir = path.join(repoRoot, 'e2e-test-report');
// UPDATE_SCREENSHOTS=1 also refreshes the picture of the README.
const docsImages = process.env.UPDATE_SCREENSHOTS
  ? path.join(repoRoot, 'docs/images')
  : undefined;

let portal;
let browser;
let page;

before(async () => {
  buildApp();
  portal = await startPortal();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(30_000);
});

after(async () => {
  await browser?.close();
  await portal?.stop();
});

test('the Initiatives tab lists the demo initiative with its teams at target', async () => {
  await page.goto(`${portal.baseUrl}/team-insights/initiatives`);
  await page.getByRole('button', { name: 'Enter' }).click();
  const list = page.getByRole('table', { name: 'Initiatives' });
  const row = list.getByRole('row').filter({
    hasText: 'Every ML feature team holds every cluster',
  });
  await row.waitFor();
  assert.match(await row.innerText(), /Gold or better on Composition/);
  assert.match(await row.innerText(), /\d+ of 6/);
  await row
    .getByRole('link', { name: 'Every ML feature team holds every cluster' })
    .click();
  await page.waitForURL(/\/team-insights\/initiatives\/ml-feature-teams$/);
});

test("the initiative's page charts a burn-up with points and lists its teams", async () => {
  const figure = page.getByRole('figure', { name: 'Teams at target, per day' });
  await figure.waitFor();
  // The demo history has a point a week since the start, and today's point.
  const points = figure.locator('tbody tr');
  await page.waitForFunction(
    () =>
      document.querySelectorAll('figure tbody tr').length >= 9 &&
      document.querySelectorAll('figure .recharts-line-curve').length >= 2,
  );
  assert.ok((await points.count()) >= 9);
  const first = await points.first().innerText();
  assert.match(first, /^2026-10-05\s+0\s+6$/);
  assert.ok(
    (await figure.locator('.recharts-line-dot').count()) >= 9,
    'the line of teams at target has a dot per day',
  );

  const teams = page.getByRole('table', { name: 'Teams of the initiative' });
  const rows = teams.locator('tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 6);
  const text = await teams.innerText();
  for (const name of [
    'Search Ranking',
    'Recommendations',
    'Fraud Detection',
    'Dynamic Pricing',
    'Demand Forecasting',
    'Seller Insights',
  ]) {
    assert.ok(text.includes(name), `${name} is in the team table`);
  }
  fs.mkdirSync(shotsDir, { recursive: true });
  const shot = path.join(shotsDir, 'initiative.png');
  await page.screenshot({ path: shot, fullPage: false });
  if (docsImages) {
    fs.copyFileSync(shot, path.join(docsImages, 'initiative.png'));
  }

  const fraud = rows.filter({ hasText: 'Fraud Detection' });
  assert.match(await fraud.innerText(), /Not yet/);
  assert.match(await fraud.innerText(), /composition\.skill-coverage/);
});
