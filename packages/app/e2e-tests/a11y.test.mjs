// Accessibility of the Team Insights views in the real portal: axe-core runs
// on every view and on a team's tab, in the light and the dark theme, and
// the test fails on any serious or critical violation inside Team Insights
// content. Backstage's own chrome (sidebar, header) is counted and printed
// but not judged here.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { buildApp, launchChromium, startPortal } from './portal.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Marks the root of each Team Insights view. */
const CONTENT = '[data-team-insights-content]';

const VIEWS = [
  ['Overview', '/team-insights/overview'],
  ['Adoption', '/team-insights/adoption'],
  ['Skills', '/team-insights/skills'],
  ['Concerns', '/team-insights/concerns'],
  ['Trends', '/team-insights/trends'],
  ['Team tab', '/catalog/default/group/fraud-detection/team-insights'],
  ['Org unit tab', '/catalog/default/group/marketplace-ml/team-insights'],
];

let portal;
let browser;

before(async () => {
  buildApp();
  portal = await startPortal();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await portal?.stop();
});

async function signedInPage(theme) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    // The portal's Content Security Policy forbids inline scripts; axe is
    // injected as one, in the test only.
    bypassCSP: true,
  });
  // Backstage keeps the chosen theme in local storage.
  await context.addInitScript(t => {
    window.localStorage.setItem('theme', t);
  }, theme);
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(`${portal.baseUrl}/team-insights`);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.locator(CONTENT).first().waitFor();
  return page;
}

/** Waits until the view has data: no progress bar left in our content. */
async function settled(page) {
  await page.locator(CONTENT).first().waitFor();
  await page.waitForFunction(
    sel =>
      document.querySelector(sel) &&
      !document.querySelector(`${sel} [data-testid="progress"]`),
    CONTENT,
  );
}

async function axe(page) {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async sel => {
    const serious = v => v.impact === 'serious' || v.impact === 'critical';
    const all = await window.axe.run(document, {
      resultTypes: ['violations'],
    });
    const ours = await window.axe.run(
      { include: [[sel]] },
      { resultTypes: ['violations'] },
    );
    const flatten = result =>
      result.violations.filter(serious).flatMap(v =>
        v.nodes.map(n => ({
          rule: v.id,
          impact: v.impact,
          target: n.target.join(' '),
          summary: n.failureSummary,
        })),
      );
    return { page: flatten(all), ours: flatten(ours) };
  }, CONTENT);
}

const counts = [];

['light', 'dark'].forEach(theme => {
  test(`no serious or critical axe violation in Team Insights content (${theme} theme)`, async () => {
    const page = await signedInPage(theme);
    const failures = [];
    for (const [name, path] of VIEWS) {
      await page.goto(`${portal.baseUrl}${path}`);
      await settled(page);
      const result = await axe(page);
      counts.push({
        theme,
        view: name,
        ours: result.ours.length,
        page: result.page.length,
      });
      for (const v of result.ours) failures.push({ view: name, ...v });
    }
    await page.context().close();
    assert.deepEqual(failures, [], JSON.stringify(failures, null, 2));
  });
});

test('axe counts per view', t => {
  // Printed for docs/testing.md: serious and critical nodes inside Team
  // Insights content, and on the whole page including Backstage's chrome.
  for (const c of counts) {
    t.diagnostic(
      `axe ${c.theme.padEnd(5)} ${c.view.padEnd(12)} ours ${c.ours} page ${
        c.page
      }`,
    );
  }
  assert.ok(counts.length > 0);
});
