// Browser test of the real portal: the backend of this repository serving the
// built app with the demo organisation, driven in Debian's Chromium.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { buildApp, launchChromium, repoRoot, startPortal } from './portal.mjs';

const shotsDir = path.join(repoRoot, 'e2e-test-report');
// UPDATE_SCREENSHOTS=1 also refreshes the pictures of the README.
const docsImages = process.env.UPDATE_SCREENSHOTS
  ? path.join(repoRoot, 'docs/images')
  : undefined;

let portal;
let browser;
let page;

async function shot(name) {
  fs.mkdirSync(shotsDir, { recursive: true });
  const file = path.join(shotsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  if (docsImages) {
    fs.mkdirSync(docsImages, { recursive: true });
    fs.copyFileSync(file, path.join(docsImages, `${name}.png`));
  }
}

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

test('a guest signs in and lands on the Team Insights overview', async () => {
  await page.goto(`${portal.baseUrl}/team-insights`);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page
    .getByRole('heading', { name: 'Team Insights', exact: true })
    .first()
    .waitFor();
  const teams = page.getByRole('region', { name: 'Teams' });
  await teams.getByRole('link', { name: 'Search Ranking' }).waitFor();
  // Every team of the demo organisation is listed, with its three levels.
  await teams.getByRole('link', { name: 'Data Lab' }).waitFor();
  await page
    .getByRole('region', { name: 'Team composition: teams per level' })
    .waitFor();
  await shot('overview');
});

test('searching the table narrows it to the matching teams', async () => {
  const teams = page.getByRole('region', { name: 'Teams' });
  await teams.getByPlaceholder('Search teams').fill('pricing');
  await teams.getByRole('link', { name: 'Data Lab' }).waitFor({
    state: 'detached',
  });
  await teams.getByRole('link', { name: 'Dynamic Pricing' }).waitFor();
  assert.equal(
    await teams.getByRole('link', { name: 'Search Ranking' }).count(),
    0,
  );
});

test('a team with a failing check shows what to change', async () => {
  const teams = page.getByRole('region', { name: 'Teams' });
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
  await shot('group-tab');
});

test('a component shows its documentation card with remediations', async () => {
  // A batch job of Fraud Detection that nobody documented.
  await page.goto(
    `${portal.baseUrl}/catalog/default/component/fraud-batch-scheduler`,
  );
  const checks = page.getByRole('list', { name: 'Documentation checks' });
  await checks.waitFor();
  await checks.scrollIntoViewIfNeeded();
  assert.match(await checks.innerText(), /TechDocs/);
  await page
    .getByRole('region', { name: 'Remediation for TechDocs' })
    .getByText(/backstage\.io\/techdocs-ref/)
    .first()
    .waitFor();
  await shot('documentation-card');
});

test('the other views of the Team Insights page render', async () => {
  const views = [
    ['adoption', 'table', 'Adoption matrix'],
    ['skills', 'table', 'Skills per team'],
    ['concerns', 'region', 'Candidates for a centralized team'],
    ['trends', 'figure', 'Mean score per scorecard, last 90 days'],
  ];
  for (const [tab, role, name] of views) {
    await page.goto(`${portal.baseUrl}/team-insights/${tab}`);
    await page.getByRole(role, { name }).waitFor();
    await shot(tab);
  }
});
