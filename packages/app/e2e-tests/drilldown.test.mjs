// Browser test of the drill-down by check and the CSV export in the real
// portal (the demo catalog and backend), driven in Debian's Chromium.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  buildApp,
  guestToken,
  launchChromium,
  startPortal,
} from './portal.mjs';

let portal;
let browser;
let context;
let page;

before(async () => {
  buildApp();
  portal = await startPortal();
  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  page = await context.newPage();
  page.setDefaultTimeout(60_000);
});

after(async () => {
  await browser?.close();
  await portal?.stop();
});

/** Parses RFC 4180 CSV (quoted cells, doubled quotes, CRLF lines). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

/** The team names of a table's body rows (the first link of each row). */
async function teamNames(region) {
  const rows = region.locator('tbody tr');
  const names = [];
  for (let i = 0; i < (await rows.count()); i++) {
    names.push(
      (await rows.nth(i).getByRole('link').first().innerText()).trim(),
    );
  }
  return names;
}

test('a check of the catalogue opens the teams that fail it, with how to fix it', async () => {
  await page.goto(`${portal.baseUrl}/team-insights/checks`);
  await page.getByRole('button', { name: 'Enter' }).click();
  const catalogue = page.getByRole('region', { name: 'Checks' });
  const row = catalogue.locator('tbody tr').filter({
    has: page.getByRole('link', { name: 'Skill coverage', exact: true }),
  });
  const failing = row.getByRole('link', {
    name: /teams? failing Skill coverage$/,
  });
  const count = Number((await failing.innerText()).trim());
  assert.ok(count > 0, 'some demo team fails skill coverage');
  await failing.click();
  await page.waitForURL(
    /\/team-insights\/checks\?check=composition\.skill-coverage&status=fail$/,
  );
  await page
    .getByRole('heading', { name: 'Failing: Skill coverage' })
    .waitFor();
  const drill = page.getByRole('region', { name: 'Drill-down' });
  await drill.locator('tbody tr').first().waitFor();
  const names = await teamNames(drill);
  assert.equal(names.length, count);
  // the same teams the API says fail it
  const res = await fetch(
    `${portal.baseUrl}/api/team-insights/v1/teams?check=composition.skill-coverage&status=fail&sort=title&limit=500`,
    {
      headers: { Authorization: `Bearer ${await guestToken(portal.baseUrl)}` },
    },
  );
  assert.equal(res.status, 200);
  const body = await res.json();
  assert.deepEqual([...names].sort(), body.items.map(i => i.title).sort());
  for (let i = 0; i < names.length; i++) {
    const text = await drill.locator('tbody tr').nth(i).innerText();
    assert.match(text, /Fail/);
    assert.match(text, /Remediation/i);
  }
  // Back returns to the catalogue
  await page.goBack();
  await page.getByRole('region', { name: 'Checks' }).waitFor();
});

test("the Overview's CSV has the table's rows, in the table's order", async () => {
  await page.goto(`${portal.baseUrl}/team-insights/overview?type=feature`);
  const teams = page.getByRole('region', { name: 'Teams' });
  await teams.locator('tbody tr').first().waitFor();
  await page.waitForFunction(
    () =>
      document.querySelectorAll('[aria-label="Teams"] tbody tr a').length > 0,
  );
  const shown = await teamNames(teams);
  assert.ok(shown.length > 1);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('button', { name: 'Download CSV of the teams table' })
      .click(),
  ]);
  assert.equal(download.suggestedFilename(), 'teams.csv');
  const stream = await download.createReadStream();
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  const [header, ...rows] = parseCsv(Buffer.concat(chunks).toString('utf8'));
  assert.equal(header[0], 'Team');
  assert.deepEqual(
    rows.map(r => r[0]),
    shown,
  );
  assert.ok(rows.every(r => r[2] === 'feature'));
});
