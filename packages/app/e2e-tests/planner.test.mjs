// Browser test of the planner in the demo portal: a draft made with the form
// (an analytics translator moved into the feature team that lacks one, the
// largest team split in two) shows the same before → after levels as
// `team-insights plan` prints for the same change file
// (examples/plans/feature-teams.yaml).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
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

const SCORECARDS = ['composition', 'adoption', 'documentation'];

// UPDATE_SCREENSHOTS=1 also refreshes the picture of the README.
const docsImages = process.env.UPDATE_SCREENSHOTS
  ? path.join(repoRoot, 'docs/images')
  : undefined;

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

/**
 * What the CLI's plan says over what the portal reads (the catalog locations
 * and skills source of app-config.yaml, as of today). The planner runs no
 * custom checks (it says so), so neither does this.
 */
function planWithCli() {
  const result = spawnSync(
    process.execPath,
    [
      path.join(repoRoot, 'packages/cli/bin/team-insights'),
      'plan',
      '--changes',
      'examples/plans/feature-teams.yaml',
      'examples',
      'catalog-info.yaml',
      '--skills-source',
      'examples/skills.csv',
      '--format',
      'json',
      '--now',
      new Date().toISOString().slice(0, 10),
    ],
    { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  assert.equal(result.status, 0, `team-insights plan failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

function scoreText(team, id) {
  if (!team) return '—';
  const { score, level } = team.scorecards[id];
  return level === null ? 'n/a' : `${level} (${score})`;
}

test('a draft made in the planner shows the levels the CLI plan prints', async () => {
  const { before: was, after: now } = planWithCli();
  const { context, page } = await openSignedIn(
    browser,
    portal.baseUrl,
    '/team-insights/planner',
  );
  try {
    await page.locator('#planner-person').waitFor();
    // move Arjun Mehta (analytics translator) from the Data Lab to Fraud Detection
    await page
      .locator('#planner-person')
      .selectOption('user:default/arjun.mehta');
    await page
      .locator('#planner-from-team')
      .selectOption('group:default/data-lab');
    await page
      .locator('#planner-to-team')
      .selectOption('group:default/fraud-detection');
    await page.getByRole('button', { name: 'Add to draft' }).click();
    await page.locator('[data-team="group:default/fraud-detection"]').waitFor();

    // split Dynamic Pricing, the largest team
    await page.locator('#planner-change').selectOption('split');
    await page
      .locator('#planner-team')
      .selectOption('group:default/dynamic-pricing');
    await page
      .locator('#planner-new-teams')
      .fill(
        'pricing-core: sven.olsen, fatima.zahra, ana.costa, yuki.sato\n' +
          'pricing-experience: jakub.kowalski, henrik.dahl, omar.farouk, laura.jensen',
      );
    await page.getByRole('button', { name: 'Add to draft' }).click();
    await page.locator('[data-team="group:default/pricing-core"]').waitFor();

    const changes = page.getByLabel('Changes in the draft').locator('li');
    assert.equal(await changes.count(), 2);

    const refs = new Set([
      ...was.teams.map(t => t.entityRef),
      ...now.teams.map(t => t.entityRef),
    ]);
    let compared = 0;
    for (const ref of refs) {
      const a = was.teams.find(t => t.entityRef === ref);
      const b = now.teams.find(t => t.entityRef === ref);
      const row = page.locator(`[data-team="${ref}"]`);
      const moved = SCORECARDS.some(
        id => scoreText(a, id) !== scoreText(b, id),
      );
      if (!moved) continue;
      for (const id of SCORECARDS) {
        const cell = await row.locator(`[data-scorecard="${id}"]`).innerText();
        assert.equal(
          cell.replace(/\s+/g, ' ').trim(),
          `${scoreText(a, id)} → ${scoreText(b, id)}`,
          `${ref} ${id}`,
        );
      }
      compared += 1;
    }
    // Fraud Detection, Dynamic Pricing and its two parts at least
    assert.ok(compared >= 4, `only ${compared} teams changed level`);

    const shotsDir = path.join(repoRoot, 'e2e-test-report');
    fs.mkdirSync(shotsDir, { recursive: true });
    const shot = path.join(shotsDir, 'planner.png');
    await page.screenshot({ path: shot, fullPage: false });
    if (docsImages) fs.copyFileSync(shot, path.join(docsImages, 'planner.png'));

    // Undo steps back: the split goes, the move stays
    await page.getByRole('button', { name: 'Undo last change' }).click();
    await page
      .locator('[data-team="group:default/pricing-core"]')
      .waitFor({ state: 'detached' });
    assert.equal(await changes.count(), 1);
  } finally {
    await context.close();
  }
});
