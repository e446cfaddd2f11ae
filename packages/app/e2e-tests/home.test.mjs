// Browser test of the home page of the real portal: the signed-in guest
// (app-config.yaml gives the guest Search Ranking and the Buyer Experience
// department) sees their teams on the "My teams" card at /home.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  buildApp,
  guestToken,
  launchChromium,
  openSignedIn,
  startPortal,
} from './portal.mjs';

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

test("GET /my-teams answers the guest's teams, their own team first", async () => {
  const token = await guestToken(portal.baseUrl);
  const res = await fetch(`${portal.baseUrl}/api/team-insights/v1/my-teams`, {
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(res.status, 200);
  const body = await res.json();
  assert.deepEqual(
    body.items.map(team => [team.entityRef, team.relation]),
    [
      ['group:default/search-ranking', 'member'],
      ['group:default/recommendations', 'org-unit'],
    ],
  );
  assert.match(body.since, /^\d{4}-\d{2}-\d{2}$/);
});

test('the signed-in guest sees their teams on the home page card', async () => {
  const { context, page } = await openSignedIn(
    browser,
    portal.baseUrl,
    '/home',
  );
  try {
    const list = page.getByRole('list', { name: 'My teams' });
    await list.waitFor();

    const teams = list.getByRole('listitem').filter({
      has: page.getByRole('link'),
    });
    const search = list.getByRole('listitem', { name: 'Search Ranking' });
    await search.waitFor();
    const searchText = await search.innerText();
    assert.match(searchText, /your team/);
    // its three scorecards, each with a level
    for (const title of [
      'Team composition',
      'Platform adoption',
      'Documentation',
    ]) {
      assert.match(searchText, new RegExp(title));
    }
    assert.match(searchText, /(Gold|Silver|Bronze|Below bronze) · \d+/);

    const recommendations = list.getByRole('listitem', {
      name: 'Recommendations',
    });
    assert.match(await recommendations.innerText(), /in buyer-experience/);
    assert.ok((await teams.count()) >= 2);
    assert.match(await list.locator('..').innerText(), /Changes since \d{4}-/);

    // the team's name opens its Team Insights tab
    await search.getByRole('link', { name: 'Search Ranking' }).click();
    await page.waitForURL(
      /\/catalog\/default\/group\/search-ranking\/team-insights$/,
    );
  } finally {
    await context.close();
  }
});
