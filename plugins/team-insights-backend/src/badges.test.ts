import { mockCredentials } from '@backstage/backend-test-utils';
import { XMLValidator } from 'fast-xml-parser';
import request from 'supertest';
import { expectValidResponse } from './__testUtils__/openapi';
import { createOrg } from './__testUtils__/org';
import {
  DENIED_USER,
  RESTRICTED_USER,
  startPlugin,
} from './__testUtils__/testBackend';

// The first request of each backend waits for an evaluation, which starts
// the evaluation worker: generous, as on a busy machine that takes a while.
jest.setTimeout(60_000);

const base = '/api/team-insights/v1';
const restricted = mockCredentials.user.header(RESTRICTED_USER);

type Server = Awaited<ReturnType<typeof startPlugin>>['server'];

/** Fetches a badge; the SVG comes back as text whatever the status. */
async function badge(server: Server, path: string, authorization?: string) {
  let req = request(server).get(`${base}/badges/${path}`);
  if (authorization !== undefined) {
    req = req.set('Authorization', authorization);
  }
  const res = await req.buffer(true).parse((response, callback) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () =>
      callback(null, Buffer.concat(chunks).toString('utf8')),
    );
  });
  return { res, svg: res.body as string };
}

function expectWellFormedSvg(svg: string) {
  expect(XMLValidator.validate(svg)).toBe(true);
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
}

/** The accessible name of a badge: what a screen reader (and a test) reads. */
function spoken(svg: string) {
  return /aria-label="([^"]*)"/.exec(svg)?.[1];
}

describe('badges', () => {
  describe('while badges.public is off (the default)', () => {
    let server: Server;

    beforeAll(async () => {
      ({ server } = await startPlugin());
    });

    it('refuses a request without credentials (401), like every route', async () => {
      const { res } = await badge(
        server,
        'group/default/search/adoption.svg',
        mockCredentials.none.header(),
      );
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toContain('application/json');
      expectValidResponse(
        await request(server)
          .get(`${base}/badges/group/default/search/adoption.svg`)
          .set('Authorization', mockCredentials.none.header()),
      );
    });

    it('refuses a caller the policy denies (403)', async () => {
      const { res } = await badge(
        server,
        'group/default/search/adoption.svg',
        mockCredentials.user.header(DENIED_USER),
      );
      expect(res.status).toBe(403);
    });

    it('renders a well-formed SVG with the scorecard and its level, and nothing else', async () => {
      const { res, svg } = await badge(
        server,
        'group/default/search/adoption.svg',
      );
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
      expect(res.headers['cache-control']).toBe('private, max-age=300');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expectWellFormedSvg(svg);
      expect(spoken(svg)).toBe('adoption: gold');

      // no score and no check: only the level is revealed
      const scorecards = await request(server).get(
        `${base}/entities/group/default/search`,
      );
      const composition = scorecards.body.team.scorecards.composition;
      const { svg: compositionSvg } = await badge(
        server,
        'group/default/search/composition.svg',
      );
      expect(spoken(compositionSvg)).toBe(`composition: ${composition.level}`);
      expect(compositionSvg).not.toContain(String(composition.score));
      for (const check of composition.checks) {
        expect(compositionSvg).not.toContain(check.id);
        expect(compositionSvg).not.toContain(check.title);
      }
    });

    it('badges organisational units and documented entities; n/a where the scorecard does not apply', async () => {
      const unit = await badge(server, 'group/default/ml/composition.svg');
      expect(spoken(unit.svg)).toMatch(
        /^composition: (gold|silver|bronze|none)$/,
      );
      const docs = await badge(
        server,
        'component/default/feature-store/documentation.svg',
      );
      expect(spoken(docs.svg)).toMatch(
        /^documentation: (gold|silver|bronze|none)$/,
      );
      const notApplicable = await badge(
        server,
        'component/default/feature-store/composition.svg',
      );
      expect(spoken(notApplicable.svg)).toBe('composition: n/a');
    });

    it('answers an entity the caller cannot see exactly like one that does not exist', async () => {
      const hidden = await badge(
        server,
        'group/default/secret-team/adoption.svg',
        restricted,
      );
      expect(hidden.res.status).toBe(200);
      expect(spoken(hidden.svg)).toBe('adoption: unknown');

      // the same URL on a portal where the team does not exist at all
      const elsewhere = await startPlugin({
        entities: createOrg().filter(e => e.metadata.name !== 'secret-team'),
      });
      const missing = await badge(
        elsewhere.server,
        'group/default/secret-team/adoption.svg',
        restricted,
      );
      expect(missing.res.status).toBe(hidden.res.status);
      expect(missing.svg).toBe(hidden.svg);
      for (const header of ['content-type', 'cache-control', 'etag']) {
        expect(missing.res.headers[header]).toBe(hidden.res.headers[header]);
      }
      await elsewhere.backend.stop();

      // whoever may see the team gets its level
      const visible = await badge(
        server,
        'group/default/secret-team/adoption.svg',
      );
      expect(spoken(visible.svg)).toBe('adoption: gold');
    });

    it('escapes whatever reaches the SVG', async () => {
      const hostile = `<script>alert("x")</script>&'--><![CDATA[`;
      const { res, svg } = await badge(
        server,
        `group/default/${encodeURIComponent(hostile)}/composition.svg`,
      );
      expect(res.status).toBe(200);
      expectWellFormedSvg(svg);
      expect(svg).not.toContain('<script');
      expect(svg).not.toContain('<![CDATA[');
      expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)');
      expect(spoken(svg)).toBe('composition: unknown');

      const control = await badge(
        server,
        `group/default/${encodeURIComponent('a\u0001b\u001fc')}/adoption.svg`,
      );
      expectWellFormedSvg(control.svg);
    });

    it.each([
      ['group/default/search/speed.svg'],
      ['group/default/search/composition.png'],
      ['group/default/search/composition'],
      ['group/default/search/composition.svg?style=flat'],
    ])('rejects a bad badge path: %s', async path => {
      const res = await request(server).get(`${base}/badges/${path}`);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toContain('Invalid');
      if (/\.svg(\?|$)/.test(path)) {
        expectValidResponse(res);
      }
    });
  });

  describe('with badges.public: true', () => {
    let server: Server;
    let backend: Awaited<ReturnType<typeof startPlugin>>['backend'];

    beforeAll(async () => {
      ({ server, backend } = await startPlugin({
        config: { teamInsights: { badges: { public: true } } },
      }));
    });

    afterAll(() => backend.stop());

    it('lets anonymous readers fetch badges, and nothing else', async () => {
      const { res, svg } = await badge(
        server,
        'group/default/search/adoption.svg',
        mockCredentials.none.header(),
      );
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=300');
      expectWellFormedSvg(svg);
      expect(spoken(svg)).toBe('adoption: gold');

      for (const path of [
        '/report',
        '/teams',
        '/entities/group/default/search',
      ]) {
        const other = await request(server)
          .get(`${base}${path}`)
          .set('Authorization', mockCredentials.none.header());
        expect(other.status).toBe(401);
      }
    });

    it('answers everyone alike, whatever credentials they send', async () => {
      const answers = await Promise.all(
        [
          mockCredentials.none.header(),
          restricted,
          mockCredentials.user.header(DENIED_USER),
          'Bearer not-a-token',
        ].map(authorization =>
          badge(
            server,
            'group/default/secret-team/adoption.svg',
            authorization,
          ),
        ),
      );
      for (const { res, svg } of answers) {
        expect(res.status).toBe(200);
        expect(res.headers['cache-control']).toBe('public, max-age=300');
        expect(svg).toBe(answers[0].svg);
      }
      expect(spoken(answers[0].svg)).toBe('adoption: gold');
    });

    it('does not tell a catalog entity without scorecards from one that does not exist', async () => {
      const user = await badge(
        server,
        'user/default/alice/composition.svg',
        mockCredentials.none.header(),
      );
      const nobody = await badge(
        server,
        'user/default/nobody/composition.svg',
        mockCredentials.none.header(),
      );
      expect(spoken(user.svg)).toBe('composition: unknown');
      expect(user.svg.replace('alice', 'nobody')).toBe(nobody.svg);
      expect(user.res.status).toBe(nobody.res.status);
    });
  });
});
