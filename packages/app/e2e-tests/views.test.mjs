// The questions each view answers, in the real portal: who needs help first,
// links that keep their state, next steps on a team's tab, what moved, an org
// unit's trend, and phones.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  buildApp,
  demoHistoryEndingBefore,
  guestToken,
  launchChromium,
  repoRoot,
  signIn,
  startPortal,
} from './portal.mjs';

const shotsDir = path.join(repoRoot, 'e2e-test-report');
// UPDATE_SCREENSHOTS=1 also refreshes the phone picture of the README.
const docsImages = process.env.UPDATE_SCREENSHOTS
  ? path.join(repoRoot, 'docs/images')
  : undefined;

let portal;
let browser;
let page;

before(async () => {
  buildApp();
  // The demo history, its last week six days ago whatever the date: the
  // moves of the last month are in the report card's 30 days.
  const historyFile = demoHistoryEndingBefore(
    fs.mkdtempSync(path.join(os.tmpdir(), 'team-insights-views-')),
    6,
  );
  portal = await startPortal({ historyFile });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(60_000);
  await page.goto(`${portal.baseUrl}/team-insights`);
  await signIn(page);
});

after(async () => {
  await browser?.close();
  await portal?.stop();
});

function teamsRegion() {
  return page.getByRole('region', { name: 'Teams', exact: true });
}

async function firstRowTitle() {
  const first = teamsRegion().locator('tbody tr').first();
  await first.getByRole('link').first().waitFor();
  return (await first.getByRole('link').first().innerText()).trim();
}

const LOW = new Set(['bronze', 'none']);

test("the Overview's first row is the team most in need", async () => {
  // Every team from the API, ranked here by the rule the product states:
  // a scorecard at bronze or below first, then the lowest score.
  const token = await guestToken(portal.baseUrl);
  const res = await fetch(
    `${portal.baseUrl}/api/team-insights/v1/teams?limit=500`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  const { items } = await res.json();
  const rank = team => {
    const scores = Object.values(team.scores).filter(s => s.score !== null);
    if (scores.length === 0) return Infinity;
    const low = scores.some(s => LOW.has(s.level)) ? 0 : 1000;
    return low + Math.min(...scores.map(s => s.score));
  };
  const best = Math.min(...items.map(rank));
  const neediest = items.filter(t => rank(t) === best).map(t => t.title);

  await page.goto(`${portal.baseUrl}/team-insights/overview`);
  assert.ok(
    neediest.includes(await firstRowTitle()),
    `first row should be one of ${neediest.join(', ')}`,
  );
});

test('a filter survives a visit to a team and Back', async () => {
  await page.goto(`${portal.baseUrl}/team-insights/overview`);
  await firstRowTitle();
  await page.getByRole('button', { name: /Team type/ }).click();
  await page.getByRole('option', { name: 'Expertise team' }).click();
  await page.waitForURL(/[?&]type=expertise/);
  await teamsRegion().getByRole('link', { name: 'Data Lab' }).waitFor();
  await teamsRegion().getByRole('link', { name: 'Data Lab' }).click();
  await page.waitForURL(/\/group\/data-lab\/team-insights/);
  await page.goBack();
  await page.waitForURL(/[?&]type=expertise/);
  await teamsRegion().getByRole('link', { name: 'Data Lab' }).waitFor();
  assert.match(
    await page.getByRole('button', { name: /Team type/ }).innerText(),
    /Expertise team/,
  );
  const types = await teamsRegion().locator('tbody tr').allInnerTexts();
  assert.ok(types.length > 0);
  for (const row of types) assert.match(row, /Expertise team/);
});

test("a team link lands on the team's Team Insights tab, three next steps before any check list", async () => {
  await page.goto(`${portal.baseUrl}/team-insights/overview`);
  const title = await firstRowTitle();
  await teamsRegion()
    .locator('tbody tr')
    .first()
    .getByRole('link')
    .first()
    .click();
  await page.waitForURL(/\/group\/[^/]+\/team-insights$/);
  const steps = page.getByRole('list', { name: `Next steps for ${title}` });
  await steps.waitFor();
  assert.equal(await steps.getByRole('listitem').count(), 3);
  await page
    .getByRole('list', { name: /^Checks of / })
    .first()
    .waitFor();
  const stepsFirst = await page.evaluate(() => {
    const next = document.querySelector('[aria-label^="Next steps for"]');
    const checks = document.querySelectorAll('[aria-label^="Checks of"]');
    return [...checks].every(
      list =>
        next.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING,
    );
  });
  assert.ok(stepsFirst, 'next steps come before every check list');
});

test("the Overview's report card names who moved most; its period is in the URL", async () => {
  const token = await guestToken(portal.baseUrl);
  const res = await fetch(
    `${portal.baseUrl}/api/team-insights/v1/movers?days=30`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  const { improved, dropped } = await res.json();
  const team = [...improved, ...dropped].find(m => m.kind === 'team');
  assert.ok(team, 'some team moved in the last 30 days of the demo history');

  await page.goto(`${portal.baseUrl}/team-insights/overview`);
  const card = page.getByRole('region', { name: 'Report card' });
  await card
    .getByRole('table', { name: 'Biggest improvements, last 7 days' })
    .or(card.getByText(/No team or org unit moved in the last 7 days/))
    .first()
    .waitFor();
  const [request] = await Promise.all([
    page.waitForRequest(
      req =>
        req.url().includes('/api/team-insights/v1/movers') &&
        new URL(req.url()).searchParams.get('days') === '30',
    ),
    (async () => {
      await card.getByRole('button', { name: /Period/ }).click();
      await page.getByRole('option', { name: 'Last 30 days' }).click();
    })(),
  ]);
  assert.ok(request);
  await page.waitForURL(/[?&]days=30/);
  const table = card.getByRole('table', {
    name:
      team.delta > 0
        ? 'Biggest improvements, last 30 days'
        : 'Biggest drops, last 30 days',
  });
  const link = table.getByRole('link', { name: team.title, exact: true });
  await link.first().waitFor();
  assert.match(
    await link.first().getAttribute('href'),
    /\/group\/[^/]+\/team-insights$/,
  );
  // the link shares the period
  await page.reload();
  await card
    .getByRole('table', { name: /, last 30 days$/ })
    .first()
    .waitFor();
});

test("an org unit's tab charts its trend; the range picker changes the request and the URL", async () => {
  await page.goto(
    `${portal.baseUrl}/catalog/default/group/marketplace-ml/team-insights`,
  );
  const quarter = page.getByRole('figure', {
    name: /: score per scorecard, last 90 days$/,
  });
  await quarter.waitFor();
  // the demo history's weekly points and today's
  await page.waitForFunction(
    () =>
      document.querySelectorAll('figure tbody tr').length >= 5 &&
      document.querySelectorAll('figure .recharts-line-curve').length >= 1,
  );
  const [request] = await Promise.all([
    page.waitForRequest(
      req =>
        req.url().includes('/api/team-insights/v1/trends') &&
        new URL(req.url()).searchParams.get('days') === '365',
    ),
    (async () => {
      await page.getByRole('button', { name: /Period/ }).click();
      await page.getByRole('option', { name: 'Last 365 days' }).click();
    })(),
  ]);
  assert.equal(
    new URL(request.url()).searchParams.get('orgUnit'),
    'group:default/marketplace-ml',
  );
  await page.waitForURL(/\/team-insights\?(.*&)?days=365/);
  await page
    .getByRole('figure', { name: /: score per scorecard, last 365 days$/ })
    .waitFor();
});

test('at 390 × 844 no page scrolls sideways', async () => {
  const phone = await browser.newPage({
    viewport: { width: 390, height: 844 },
  });
  phone.setDefaultTimeout(60_000);
  const views = [
    '/team-insights/overview',
    '/team-insights/adoption',
    '/team-insights/skills',
    '/team-insights/concerns',
    '/team-insights/trends',
    '/team-insights/initiatives',
    '/team-insights/planner',
    '/catalog/default/group/fraud-detection/team-insights',
    '/catalog/default/group/marketplace-ml/team-insights',
  ];
  const wide = [];
  await phone.goto(`${portal.baseUrl}/team-insights`);
  await signIn(phone);
  // Signed in once the first view renders.
  await phone
    .locator('[data-team-insights-content]')
    .first()
    .waitFor({ state: 'attached' });
  try {
    for (const view of views) {
      await phone.goto(`${portal.baseUrl}${view}`);
      try {
        await phone
          .locator('[data-team-insights-content]')
          .first()
          .waitFor({ state: 'attached' });
      } catch (e) {
        fs.mkdirSync(shotsDir, { recursive: true });
        await phone.screenshot({
          path: path.join(
            shotsDir,
            `phone-failed-${view.replace(/\W+/g, '-')}.png`,
          ),
        });
        throw new Error(`${view} did not render on a phone: ${e.message}`);
      }
      await phone.waitForFunction(
        () =>
          !document.querySelector(
            '[data-team-insights-content] [data-testid="progress"]',
          ),
      );
      const { scrollWidth, clientWidth } = await phone.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      if (scrollWidth > clientWidth + 1) wide.push(`${view}: ${scrollWidth}px`);
      if (docsImages && view.endsWith('overview')) {
        fs.mkdirSync(docsImages, { recursive: true });
        await phone.screenshot({
          path: path.join(docsImages, 'phone-overview.png'),
        });
      }
    }
  } finally {
    await phone.close();
  }
  assert.deepEqual(wide, []);
});

test('every page has exactly one main landmark, and the skip link leads into it', async () => {
  // Backstage's Page renders a <main> on entity pages; the app's layout is
  // the landmark only on pages without one. Each page is judged once its
  // content is on screen.
  const pages = [
    [
      'Team Insights',
      '/team-insights/overview',
      () => teamsRegion().getByRole('link').first(),
    ],
    ['home', '/home', () => page.getByRole('list', { name: 'My teams' })],
    [
      'an entity page',
      '/catalog/default/group/fraud-detection',
      () => page.getByRole('heading', { name: 'Fraud Detection', level: 2 }),
    ],
    [
      "a team's Team Insights tab",
      '/catalog/default/group/fraud-detection/team-insights',
      () => page.getByRole('list', { name: /^Next steps for / }),
    ],
    [
      "a Component's API tab",
      '/catalog/default/component/search-ranker/apis',
      () => page.getByRole('link', { name: /Search Ranking API/ }).first(),
    ],
  ];
  const counts = {};
  for (const [name, url, content] of pages) {
    await page.goto(`${portal.baseUrl}${url}`);
    // the first report of a fresh portal can take a while (as in home.test.mjs)
    await content().waitFor({ timeout: 180_000 });
    counts[name] = await page.getByRole('main').count();
  }
  assert.deepEqual(
    counts,
    Object.fromEntries(pages.map(([name]) => [name, 1])),
    'main landmarks per page',
  );

  // On the entity page (the one whose landmark is Backstage's), the skip
  // link is the first stop of the keyboard and takes the focus past the
  // sidebar: the next Tab lands in the page content (its header, then the
  // main landmark), not in the sidebar.
  await page.goto(`${portal.baseUrl}/catalog/default/group/fraud-detection`);
  await page
    .getByRole('heading', { name: 'Fraud Detection', level: 2 })
    .waitFor();
  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  assert.ok(await skip.evaluate(a => a === document.activeElement));
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  const landed = await page.evaluate(() => {
    const content = document.getElementById('main-content');
    const active = document.activeElement;
    return {
      inContent: Boolean(active && content?.contains(active)),
      mainInContent: Boolean(content?.querySelector('main')),
    };
  });
  assert.deepEqual(landed, {
    inContent: true,
    mainInContent: true,
  });
});

test("a demo Component's API cards render without an error", async () => {
  await page.goto(
    `${portal.baseUrl}/catalog/default/component/search-ranker/apis`,
  );
  await page
    .getByRole('link', { name: /Search Ranking API/ })
    .first()
    .waitFor();
  const text = await page.locator('#main-content').innerText();
  assert.doesNotMatch(text, /Cannot read properties|Error in /);
  assert.match(text, /Provided APIs/);
  assert.match(text, /Consumed APIs/);
});

test('at 1024 px the team column stays in view when the teams table scrolls sideways', async () => {
  const narrow = await browser.newPage({
    viewport: { width: 1024, height: 800 },
  });
  narrow.setDefaultTimeout(60_000);
  try {
    await narrow.goto(`${portal.baseUrl}/team-insights`);
    await signIn(narrow);
    await narrow.goto(`${portal.baseUrl}/team-insights/overview`);
    const region = narrow.getByRole('region', { name: 'Teams', exact: true });
    const cell = region.locator('tbody tr').first().locator('td').first();
    await cell.getByRole('link').first().waitFor();
    // sections above the table (My teams, the report card) can push it below
    // the fold, where nothing is hit at a point
    await cell.scrollIntoViewIfNeeded();
    const result = await cell.evaluate(td => {
      let scroller = td.parentElement;
      while (
        scroller &&
        !(
          scroller.scrollWidth > scroller.clientWidth &&
          /auto|scroll/.test(getComputedStyle(scroller).overflowX)
        )
      ) {
        scroller = scroller.parentElement;
      }
      if (!scroller || scroller === document.documentElement) {
        return { scrolls: false };
      }
      const leftBefore = td.getBoundingClientRect().left;
      const boxLeft = scroller.getBoundingClientRect().left;
      scroller.scrollLeft = scroller.scrollWidth;
      const leftAfter = td.getBoundingClientRect().left;
      const style = getComputedStyle(td);
      const x = td.getBoundingClientRect().left + 4;
      const y = td.getBoundingClientRect().top + td.clientHeight / 2;
      return {
        scrolls: true,
        scrolled: scroller.scrollLeft,
        before: leftBefore,
        after: leftAfter,
        boxLeft,
        background: style.backgroundColor,
        wordBreak: style.wordBreak,
        onTop: td.contains(document.elementFromPoint(x, y)),
      };
    });
    assert.ok(result.scrolls, 'the teams table scrolls sideways at 1024 px');
    assert.ok(result.scrolled > 0);
    // still at the left edge of the scrolling box, not scrolled away
    assert.ok(
      Math.abs(result.after - Math.max(result.before, result.boxLeft)) < 2,
      JSON.stringify(result),
    );
    assert.notEqual(result.background, 'rgba(0, 0, 0, 0)');
    assert.equal(result.wordBreak, 'normal');
    assert.ok(result.onTop, 'the scrolled cells slide under the team name');
  } finally {
    await narrow.close();
  }
});
