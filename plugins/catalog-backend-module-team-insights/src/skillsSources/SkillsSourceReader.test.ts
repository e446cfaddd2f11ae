import fs from 'node:fs';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { readTeamInsightsConfig } from '@team-insights/plugin-team-insights-common';
import { SkillsSourceReader } from './SkillsSourceReader';

const mockDir = createMockDirectory();

function reader(target: string) {
  const logger = mockServices.logger.mock();
  const urlReader = {
    readUrl: jest.fn(),
    readTree: jest.fn(),
    search: jest.fn(),
  };
  return {
    logger,
    urlReader,
    reader: new SkillsSourceReader({
      source: { target, baseDir: mockDir.path },
      urlReader,
      logger,
      config: readTeamInsightsConfig(),
    }),
  };
}

describe('SkillsSourceReader with a local file', () => {
  it('reads a path relative to the backend folder, again only when the file changes, and keeps the last good contents when it goes away', async () => {
    mockDir.setContent({ 'people/skills.csv': 'user,skills\njdoe,sre\n' });
    const { reader: r, logger, urlReader } = reader('people/skills.csv');

    expect(await r.refresh()).toBe(true);
    expect(r.current?.entries.map(e => e.skills)).toEqual([
      'site-reliability-engineer',
    ]);
    expect(await r.refresh()).toBe(false);

    // a different size, so the change shows even where mtimes are coarse
    fs.writeFileSync(
      mockDir.resolve('people/skills.csv'),
      'user,skills\njdoe,"data-scientist, sre"\n',
    );
    expect(await r.refresh()).toBe(true);
    expect(r.current?.entries.map(e => e.skills)).toEqual([
      'data-scientist, site-reliability-engineer',
    ]);

    fs.rmSync(mockDir.resolve('people/skills.csv'));
    expect(await r.refresh()).toBe(false);
    expect(await r.refresh()).toBe(false);
    expect(r.current?.entries).toHaveLength(1);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0][0]).toMatch(
      /^Team Insights cannot read skills source people\/skills\.csv: .*no such file.*; the skills last read from it stay in use$/,
    );
    expect(urlReader.readUrl).not.toHaveBeenCalled();
  });
});
