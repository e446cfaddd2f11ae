import fs from 'node:fs';
import path from 'node:path';
import { run, useTempDir } from '../__testUtils__';

const tmp = useTempDir();
const PUBLISHED = path.resolve(
  __dirname,
  '../../../../plugins/team-insights-common/schema/catalog-info.schema.json',
);

describe('team-insights schema', () => {
  it('prints the published JSON Schema for catalog-info.yaml', async () => {
    const result = await run(['schema'], { cwd: tmp.path });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(
      JSON.parse(fs.readFileSync(PUBLISHED, 'utf8')),
    );
  });

  it('offers the skill clusters of an app-config', async () => {
    tmp.write({
      'app-config.yaml':
        'teamInsights:\n  skillClusters:\n    - id: ml-engineer\n      title: ML engineer\n',
    });
    const result = await run(['schema', '--config', 'app-config.yaml'], {
      cwd: tmp.path,
    });
    expect(result.code).toBe(0);
    const skills = JSON.parse(result.stdout).allOf[1].properties.metadata
      .properties.annotations.properties['team-insights.io/skills'];
    expect(skills.description).toContain('`ml-engineer`: ML engineer');
  });
});
