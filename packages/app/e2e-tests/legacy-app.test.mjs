// Browser test of the legacy-frontend-system exports of
// @team-insights/plugin-team-insights (TeamInsightsPage,
// EntityTeamInsightsContent, EntityTeamInsightsSummaryCard,
// EntityDocumentationScoreCard) mounted in a legacy app: the plugin's dev
// app (plugins/team-insights/dev), served by `backstage-cli package start`
// with the fixture report, driven in Debian's Chromium.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import { freePort, launchChromium, repoRoot, signIn } from './portal.mjs';

const pluginDir = path.join(repoRoot, 'plugins/team-insights');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'team-insights-legacy-'));
const logFile = path.join(work, 'dev-server.log');

let server;
let exit;
let browser;
let page;
let baseUrl;

function logTail() {
  return fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
}

before(async () => {
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const override = path.join(work, 'app-config.legacy.yaml');
  fs.writeFileSync(
    override,
    `app:\n  baseUrl: ${baseUrl}\n  listen:\n    host: 127.0.0.1\n    port: ${port}\n`,
  );
  const out = fs.openSync(logFile, 'w');
  server = spawn(
    'yarn',
    [
      'backstage-cli',
      'package',
      'start',
      '--config',
      path.join(repoRoot, 'app-config.yaml'),
      '--config',
      override,
    ],
    { cwd: pluginDir, detached: true, stdio: ['ignore', out, out] },
  );
  server.once('exit', (code, signal) => {
    exit = signal ? `signal ${signal}` : `exit code ${code}`;
  });
  // The first bundle takes minutes on a loaded machine; the dev server
  // stopping ends the wait at once.
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (exit) {
      throw new Error(`the dev app stopped (${exit}):\n${logTail()}`);
    }
    try {
      if ((await fetch(`${baseUrl}/team-insights`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      throw new Error(`the dev app did not answer in 600 s:\n${logTail()}`);
    }
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(120_000);
  // The dev app has no auth backend: the guest sign-in offers the local
  // guest identity in a confirm dialog, which a developer accepts.
  page.on('dialog', dialog => dialog.accept());
  await page.goto(`${baseUrl}/team-insights`);
  await signIn(page);
});

after(async () => {
  await browser?.close();
  if (server && !exit) {
    const stopped = new Promise(resolve => server.once('exit', resolve));
    process.kill(-server.pid, 'SIGTERM');
    await Promise.race([
      stopped,
      new Promise(resolve => setTimeout(resolve, 10_000)),
    ]);
  }
  fs.rmSync(work, { recursive: true, force: true });
});

test('TeamInsightsPage lists the teams with their levels', async () => {
  await page.goto(`${baseUrl}/team-insights`);
  const teams = page.getByRole('region', { name: 'Teams', exact: true });
  await teams.getByRole('link', { name: 'Data Lab' }).waitFor();
  await teams.getByRole('link', { name: 'ML Platform' }).waitFor();
  await page
    .getByRole('region', { name: 'Team composition: teams per level' })
    .waitFor();
});

test("a team's entity page shows EntityTeamInsightsSummaryCard and EntityTeamInsightsContent", async () => {
  await page.goto(`${baseUrl}/catalog/default/group/recommendations`);
  // The summary card's levels and the tab's three scorecards.
  await page.getByRole('list', { name: 'Scorecard levels' }).waitFor();
  await page
    .getByRole('list', { name: 'Checks of Team composition' })
    .waitFor();
  await page
    .getByRole('list', { name: 'Checks of Platform adoption' })
    .waitFor();
  await page.getByRole('list', { name: 'Checks of Documentation' }).waitFor();
  await page
    .getByRole('region', { name: 'Remediation for Skill coverage' })
    .waitFor();
});

test("a component's entity page shows EntityDocumentationScoreCard", async () => {
  await page.goto(`${baseUrl}/catalog/default/component/recs-monitoring`);
  await page.getByRole('list', { name: 'Documentation checks' }).waitFor();
  await page
    .getByRole('region', { name: 'Remediation for Description' })
    .waitFor();
});
