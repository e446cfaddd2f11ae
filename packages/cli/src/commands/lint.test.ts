import fs from 'node:fs';
import { run, useTempDir, yamlEntity } from '../__testUtils__';

const tmp = useTempDir();

const TEAM = yamlEntity('Group', 'search-ranking', {
  title: 'Search Ranking',
  annotations: { 'team-insights.io/team-type': 'feature' },
  spec: { type: 'team', children: [] },
});

const MULTI_DOCUMENT = `${TEAM}---
# the second person has a typo in their skills
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: jdoe
  annotations:
    team-insights.io/skills: data-engineer, data-sceintist
spec:
  memberOf: [search-ranking]
`;

describe('team-insights lint', () => {
  beforeAll(() => {
    tmp.write({
      'clean/catalog-info.yaml': TEAM,
      'typo/catalog-info.yaml': MULTI_DOCUMENT,
      'warning/catalog-info.yaml': yamlEntity('Group', 'undeclared', {
        spec: { type: 'team', children: [] },
      }),
      'syntax/catalog-info.yaml': `${TEAM}---\napiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: x\n  annotations: {a: 1\n`,
      'declined/catalog-info.yaml': yamlEntity('Group', 'recs', {
        annotations: {
          'team-insights.io/team-type': 'feature',
          'team-insights.io/declined-products': 'component:default/nowhere',
        },
        spec: { type: 'team', children: [] },
      }),
    });
  });

  it('exits 0 and says so when there is nothing to fix', async () => {
    const result = await run(['lint', 'clean'], { cwd: tmp.path });
    expect(result).toEqual({
      code: 0,
      stdout: 'No problems in 1 entity in 1 file\n',
      stderr: '',
    });
  });

  it('points at the typo in the second document of a file: path:line:col severity message (annotation)', async () => {
    const result = await run(['lint', 'typo/catalog-info.yaml'], {
      cwd: tmp.path,
    });
    expect(result.code).toBe(1);
    const [first] = result.stdout.split('\n');
    expect(first).toBe(
      "typo/catalog-info.yaml:16:45  error    unknown skill cluster 'data-sceintist' (did you mean 'data-scientist'?)  (team-insights.io/skills)",
    );
    const line = MULTI_DOCUMENT.split('\n')[15];
    expect(line.slice(44)).toBe('data-sceintist');
    expect(result.stdout).toContain(
      '1 problem (1 error, 0 warnings) in 2 entities in 1 file',
    );
  });

  it('exits 0 on warnings only', async () => {
    const result = await run(['lint', 'warning'], { cwd: tmp.path });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^warning\/catalog-info\.yaml:\d+:\d+ {2}warning {2}.*feature team.*\(team-insights\.io\/team-type\)$/m,
    );
  });

  it('reports refs that only the whole catalog can resolve, at the annotation value', async () => {
    const result = await run(['lint', 'declined', '--format', 'json'], {
      cwd: tmp.path,
    });
    expect(result.code).toBe(1);
    const output = JSON.parse(result.stdout);
    expect(output.findings).toEqual([
      {
        path: 'declined/catalog-info.yaml',
        line: 7,
        column: 42,
        severity: 'error',
        entityRef: 'group:default/recs',
        annotation: 'team-insights.io/declined-products',
        message: expect.stringContaining("'component:default/nowhere'"),
        code: 'declined-products.unresolved',
        params: { product: 'component:default/nowhere' },
      },
    ]);
    expect(output).toMatchObject({ errors: 1, warnings: 0, entities: 1 });
  });

  it('reports each finding once although the entity and the catalog checks both see it', async () => {
    const result = await run(['lint', 'typo', '--format', 'json'], {
      cwd: tmp.path,
    });
    const messages = JSON.parse(result.stdout).findings.map(
      (f: { message: string }) => f.message,
    );
    expect(messages).toEqual([...new Set(messages)]);
    expect(messages).toHaveLength(1);
  });

  it('reports invalid YAML as an error finding at its position', async () => {
    const result = await run(['lint', 'syntax', '--format', 'json'], {
      cwd: tmp.path,
    });
    expect(result.code).toBe(1);
    const { findings } = JSON.parse(result.stdout);
    expect(findings).toEqual([
      expect.objectContaining({
        path: 'syntax/catalog-info.yaml',
        severity: 'error',
        message: expect.stringMatching(/^YAML syntax error: /),
      }),
    ]);
    expect(findings[0].line).toBeGreaterThanOrEqual(14);
    expect(findings[0].column).toBeGreaterThanOrEqual(1);
  });

  it('exits 2 with a one-line message and no stack trace for a path that cannot be read', async () => {
    const result = await run(['lint', 'no/such/place.yaml'], {
      cwd: tmp.path,
    });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "team-insights: cannot read 'no/such/place.yaml': no such file or directory\n",
    });
  });

  it('exits 2 and says why when the only path given is a link out of the working folder', async () => {
    fs.symlinkSync('/etc', tmp.resolve('etc-link'));
    const result = await run(['lint', 'etc-link'], { cwd: tmp.path });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "team-insights: no YAML files found in 'etc-link'; give catalog files or folders holding them (etc-link: a symbolic link to outside the working folder; not read (name the place it points to, to read it))\n",
    });
  });

  it('exits 2 for a path that runs through a file', async () => {
    const result = await run(['lint', 'clean/catalog-info.yaml/more.yaml'], {
      cwd: tmp.path,
    });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "team-insights: cannot read 'clean/catalog-info.yaml/more.yaml': not a directory\n",
    });
  });

  it('exits 2 on usage errors', async () => {
    const badFormat = await run(['lint', 'clean', '--format', 'xml'], {
      cwd: tmp.path,
    });
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain("argument 'xml' is invalid");

    const badOption = await run(['lint', '--frmat', 'json'], {
      cwd: tmp.path,
    });
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain("unknown option '--frmat'");

    const badDate = await run(['lint', 'clean', '--now', '2026-02-30'], {
      cwd: tmp.path,
    });
    expect(badDate).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--now must be a date as YYYY-MM-DD'),
    });
  });

  it('resolves relative paths against INIT_CWD, where yarn was started', async () => {
    const result = await run(['lint', 'catalog-info.yaml'], {
      env: { INIT_CWD: tmp.resolve('clean') },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No problems in 1 entity');
  });

  it('colours severities on a terminal unless NO_COLOR is set', async () => {
    const coloured = await run(['lint', 'typo'], {
      cwd: tmp.path,
      tty: true,
    });
    expect(coloured.stdout).toContain('\u001b[31merror');
    const plain = await run(['lint', 'typo'], {
      cwd: tmp.path,
      tty: true,
      env: { NO_COLOR: '1' },
    });
    expect(plain.stdout).not.toContain('\u001b[');
  });
});
