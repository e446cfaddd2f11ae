import { mockCredentials } from '@backstage/backend-test-utils';
import type { TeamsPage } from '@team-insights/plugin-team-insights-common';
import request from 'supertest';
import { expectValidResponse } from './__testUtils__/openapi';
import { createOrg } from './__testUtils__/org';
import { RESTRICTED_USER, startPlugin } from './__testUtils__/testBackend';

// Each test file starts a whole backend: more than jest's default 5 s on a
// busy machine.
jest.setTimeout(60_000);

const base = '/api/team-insights/v1';
const restricted = mockCredentials.user.header(RESTRICTED_USER);

/** Parses RFC 4180 CSV (quoted cells, doubled quotes, CRLF lines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
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

const initiatives = [
  {
    id: 'ml-feature-teams',
    title: 'Feature teams that hold every cluster',
    teams: { orgUnit: 'group:default/ml', teamTypes: ['feature'] },
    target: { checks: ['composition.skill-coverage'] },
    start: '2020-01-01',
    deadline: '2099-12-31',
  },
];

describe('drill-down by check and CSV exports', () => {
  let server: Awaited<ReturnType<typeof startPlugin>>['server'];

  beforeAll(async () => {
    ({ server } = await startPlugin({
      config: { teamInsights: { initiatives } },
    }));
  });

  const get = (path: string, authorization = mockCredentials.user.header()) =>
    request(server).get(`${base}${path}`).set('Authorization', authorization);

  it('lists the teams that fail a check, each with its result and remediation', async () => {
    const res = await get(
      '/teams?check=composition.skill-coverage&status=fail',
    );
    expect(res.status).toBe(200);
    expectValidResponse(res);
    const page = res.body as TeamsPage;
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) {
      expect(item.check).toMatchObject({
        id: 'composition.skill-coverage',
        scorecard: 'composition',
        status: 'fail',
      });
      expect(item.check!.remediation).toBeTruthy();
    }
    expect(page.totalCount).toBe(page.items.length);

    // the same teams the full report says fail it
    const report = await get('/report');
    const failing = report.body.teams
      .filter((t: any) =>
        t.scorecards.composition.checks.some(
          (c: any) =>
            c.id === 'composition.skill-coverage' &&
            c.status === 'fail' &&
            !c.waived,
        ),
      )
      .map((t: any) => t.entityRef);
    expect(page.items.map(i => i.entityRef)).toEqual(failing);
  });

  it('names the owned entities that fail a documentation check', async () => {
    const res = await get('/teams?check=docs.techdocs&status=fail');
    expect(res.status).toBe(200);
    expectValidResponse(res);
    const search = (res.body as TeamsPage).items.find(
      i => i.entityRef === 'group:default/search',
    );
    expect(search?.check?.entities).toEqual(['component:default/search-api']);
  });

  it.each([
    ['/teams?check=composition.nothing', /no check 'composition.nothing'/],
    ['/teams?status=fail', /status needs check/],
    ['/teams?check=composition.team-size&status=broken', /status/],
    ['/teams?check=Bad%20Id', /check/],
  ])('rejects %s with 400', async (path, message) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toMatch(message);
    expectValidResponse(res);
  });

  it('shows a restricted caller only the teams it may see, in JSON and CSV', async () => {
    const path = '/teams?check=composition.team-size';
    const all = await get(path);
    expect(all.body.items.map((i: any) => i.entityRef)).toContain(
      'group:default/secret-team',
    );
    const mine = await get(path, restricted);
    expect(mine.status).toBe(200);
    expect(mine.text).not.toMatch(/secret/);
    const csv = await get(path, restricted).set('Accept', 'text/csv');
    expect(csv.status).toBe(200);
    expect(csv.text).not.toMatch(/secret/);
    expect(
      parseCsv(csv.text)
        .slice(1)
        .map(row => row[1]),
    ).toEqual(mine.body.items.map((i: any) => i.entityRef));
  });

  it('answers Accept: text/csv with every page of the filtered table as a download', async () => {
    const json = await get('/teams?sort=size&order=desc&limit=500');
    const res = await get('/teams?sort=size&order=desc&limit=1').set(
      'Accept',
      'text/csv',
    );
    expect(res.status).toBe(200);
    expectValidResponse(res);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="teams.csv"',
    );
    expect(res.text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(res.text);
    expect(header.slice(0, 4)).toEqual([
      'Team',
      'Entity ref',
      'Team type',
      'Size',
    ]);
    // limit=1 asked, all three teams answered, in the table's order
    expect(rows.map(row => row[1])).toEqual(
      json.body.items.map((i: any) => i.entityRef),
    );
    expect(rows.map(row => Number(row[3]))).toEqual(
      json.body.items.map((i: any) => i.size),
    );
  });

  it("adds the check's columns to a drill-down's CSV and names the file after it", async () => {
    const res = await get('/teams?check=docs.techdocs&status=fail').set(
      'Accept',
      'text/csv',
    );
    expect(res.status).toBe(200);
    expectValidResponse(res);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="teams-docs.techdocs.csv"',
    );
    const [header, ...rows] = parseCsv(res.text);
    const column = (name: string) => header.indexOf(name);
    expect(column('Check status')).toBeGreaterThan(0);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row[column('Check')]).toBe('docs.techdocs');
      expect(row[column('Check status')]).toBe('fail');
      expect(row[column('Remediation')]).not.toBe('');
    }
  });

  it("answers an initiative's teams as CSV when asked, and JSON otherwise", async () => {
    const json = await get('/initiatives/ml-feature-teams');
    expect(json.headers['content-type']).toMatch(/json/);
    const res = await get('/initiatives/ml-feature-teams').set(
      'Accept',
      'text/csv',
    );
    expect(res.status).toBe(200);
    expectValidResponse(res);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="initiative-ml-feature-teams.csv"',
    );
    const [header, ...rows] = parseCsv(res.text);
    expect(header).toEqual([
      'Team',
      'Entity ref',
      'Team type',
      'Level',
      'At target',
      'Failing checks',
    ]);
    expect(rows.map(row => row[1])).toEqual(
      json.body.teams.map((t: any) => t.entityRef),
    );

    const mine = await get('/initiatives/ml-feature-teams', restricted).set(
      'Accept',
      'text/csv',
    );
    expect(mine.status).toBe(200);
    expect(mine.text).not.toMatch(/secret/);
  });
});

describe('CSV of titles a spreadsheet would misread', () => {
  let server: Awaited<ReturnType<typeof startPlugin>>['server'];
  const title = '=HYPERLINK("https://example.com/x", "a, b")';

  beforeAll(async () => {
    const entities = createOrg();
    const search = entities.find(e => e.metadata.name === 'search')!;
    search.metadata.title = title;
    const platform = entities.find(e => e.metadata.name === 'platform')!;
    platform.metadata.title = '-Platform\nteam';
    ({ server } = await startPlugin({ entities }));
  });

  it('quotes commas, quotes and line breaks, and keeps formulas as text', async () => {
    const res = await request(server)
      .get(`${base}/teams?sort=title`)
      .set('Authorization', mockCredentials.user.header())
      .set('Accept', 'text/csv');
    expect(res.status).toBe(200);
    expect(res.text).toContain(
      `\r\n"'=HYPERLINK(""https://example.com/x"", ""a, b"")",group:default/search,`,
    );
    expect(res.text).toContain(
      `\r\n"'-Platform\nteam",group:default/platform,`,
    );
    const rows = parseCsv(res.text).slice(1);
    const cells = new Map(rows.map(row => [row[1], row[0]]));
    expect(cells.get('group:default/search')).toBe(`'${title}`);
    expect(cells.get('group:default/platform')).toBe("'-Platform\nteam");
  });
});
