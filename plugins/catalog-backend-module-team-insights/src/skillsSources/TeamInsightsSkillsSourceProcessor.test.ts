import type { UrlReaderService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { NotModifiedError } from '@backstage/errors';
import { readTeamInsightsConfig } from '@team-insights/plugin-team-insights-common';
import { TeamInsightsSkillsSourceProcessor } from './TeamInsightsSkillsSourceProcessor';

const TARGET = 'https://git.example.com/org/people/blob/main/skills.csv';
const location = { type: 'url', target: 'https://example.com/users.yaml' };

function user(name: string, annotations?: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default', annotations },
    spec: { memberOf: [] },
  };
}

/** A UrlReader serving one file that tests change, honouring etags. */
function fakeReader() {
  const state = {
    text: 'user,skills\njdoe,data-scientist\n',
    etag: 'v1',
    fail: undefined as Error | undefined,
    reads: 0,
    notModified: 0,
  };
  const reader: UrlReaderService = {
    async readUrl(_url, options) {
      state.reads += 1;
      if (state.fail) throw state.fail;
      if (options?.etag === state.etag) {
        state.notModified += 1;
        throw new NotModifiedError();
      }
      const buffer = Buffer.from(state.text);
      return { buffer: async () => buffer, etag: state.etag };
    },
    async readTree() {
      throw new Error('not used');
    },
    async search() {
      throw new Error('not used');
    },
  };
  return { reader, state };
}

function setup(options: { strict?: boolean } = {}) {
  let now = 0;
  const { reader, state } = fakeReader();
  const logger = mockServices.logger.mock();
  const processor = new TeamInsightsSkillsSourceProcessor({
    sources: [{ target: TARGET }],
    urlReader: reader,
    logger,
    config: readTeamInsightsConfig(),
    refreshIntervalMs: 10_000,
    strict: options.strict,
    now: () => now,
  });
  const emitted: unknown[] = [];
  const process = (entity: Entity) =>
    processor.preProcessEntity(entity, location, r => emitted.push(r));
  /** Moves the clock past an interval and lets the background read finish. */
  const nextInterval = async () => {
    now += 10_000;
    await process(user('someone-else'));
    await new Promise(resolve => setImmediate(resolve));
  };
  return { processor, process, nextInterval, state, logger, emitted };
}

const skillsOf = (e: Entity) =>
  e.metadata.annotations?.['team-insights.io/skills'];

describe('TeamInsightsSkillsSourceProcessor', () => {
  it('gives a User the skills of the source, and re-reads it with the etag once per interval', async () => {
    const { process, nextInterval, state } = setup();
    expect(skillsOf(await process(user('jdoe')))).toBe('data-scientist');
    expect(skillsOf(await process(user('ann')))).toBeUndefined();
    expect(state.reads).toBe(1);

    await nextInterval();
    expect(state).toMatchObject({ reads: 2, notModified: 1 });

    state.text = 'user,skills\njdoe,sre\n';
    state.etag = 'v2';
    await nextInterval();
    expect(skillsOf(await process(user('jdoe')))).toBe(
      'site-reliability-engineer',
    );
  });

  it('keeps the last good mapping when the source cannot be read, and warns once per change of the problem', async () => {
    const { process, nextInterval, state, logger } = setup();
    await process(user('jdoe'));
    state.fail = new Error('404 Not Found');
    await nextInterval();
    await nextInterval();
    await nextInterval();
    expect(skillsOf(await process(user('jdoe')))).toBe('data-scientist');
    const warnings = logger.warn.mock.calls.map(c => String(c[0]));
    expect(
      warnings.filter(w => w.includes('cannot read skills source')),
    ).toEqual([
      `Team Insights cannot read skills source ${TARGET}: 404 Not Found; the skills last read from it stay in use`,
    ]);
    state.fail = new Error('timeout');
    await nextInterval();
    expect(
      logger.warn.mock.calls.filter(c => String(c[0]).includes('timeout')),
    ).toHaveLength(1);
  });

  it('logs the findings of the source once per change, and the rows that named nobody after two full cycles', async () => {
    const { process, nextInterval, state, logger } = setup();
    state.text = 'user,skills\njdoe,"data-sceintist, sre"\nghost,sre\n';
    await process(user('jdoe'));
    const warned = () => logger.warn.mock.calls.map(c => String(c[0]));
    expect(warned()).toEqual([
      `Team Insights skills source ${TARGET}:2:6 error unknown skill cluster 'data-sceintist' (did you mean 'data-scientist'?)`,
    ]);
    await nextInterval();
    await nextInterval();
    expect(warned()).toHaveLength(1);
    await nextInterval();
    await nextInterval();
    expect(warned()).toEqual([
      expect.stringContaining("unknown skill cluster 'data-sceintist'"),
      `Team Insights skills source ${TARGET}:3:1 warning no User has 'ghost' as metadata.name; the row was not used`,
    ]);
  });

  it('in strict mode, makes a finding about a User’s row a processing error of that User', async () => {
    const { process, state, emitted } = setup({ strict: true });
    state.text = 'user,skills\njdoe,"data-sceintist, sre"\n';
    const result = await process(user('jdoe'));
    expect(skillsOf(result)).toBe('site-reliability-engineer');
    expect(emitted).toEqual([
      expect.objectContaining({
        type: 'error',
        error: expect.objectContaining({
          message: expect.stringContaining(
            `${TARGET}:2:6 error unknown skill cluster 'data-sceintist'`,
          ),
        }),
      }),
    ]);
  });
});
