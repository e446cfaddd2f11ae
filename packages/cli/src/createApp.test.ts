import { run, useTempDir, yamlEntity } from './__testUtils__';

// The examples folder of an app made with @backstage/create-app: a
// Scaffolder template whose skeleton holds a catalog-info.yaml with
// `${{ values.name | dump }}` for a name.
const CREATE_APP_EXAMPLES = {
  'examples/entities.yaml': `---
apiVersion: backstage.io/v1alpha1
kind: System
metadata:
  name: examples
spec:
  owner: guests
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: example-website
spec:
  type: website
  lifecycle: experimental
  owner: guests
  system: examples
  providesApis: [example-grpc-api]
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: example-grpc-api
spec:
  type: grpc
  lifecycle: experimental
  owner: guests
  system: examples
  definition: |
    syntax = "proto3";

    service Exampler {
      rpc Example (ExampleMessage) returns (ExampleMessage) {};
    }

    message ExampleMessage {
      string example = 1;
    };
`,
  'examples/org.yaml': `---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: guest
spec:
  memberOf: [guests]
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: guests
spec:
  type: squad
  children: []
`,
  'examples/template/template.yaml': `apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: example-nodejs-template
  title: Example Node.js Template
spec:
  owner: user:guest
  type: service
  parameters:
    - title: Fill in some steps
      required: [name]
      properties:
        name:
          title: Name
          type: string
  steps:
    - id: fetch-base
      name: Fetch Base
      action: fetch:template
      input:
        url: ./content
        values:
          name: \${{ parameters.name }}
    - id: publish
      name: Publish
      action: publish:github
      input:
        repoUrl: \${{ parameters.repoUrl }}
`,
  'examples/template/content/catalog-info.yaml': `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: \${{ values.name | dump }}
spec:
  type: service
  owner: user:guest
  lifecycle: experimental
`,
  'examples/template/content/package.json':
    '{ "name": "${{ values.name }}" }\n',
};

const tmp = useTempDir();

describe('a fresh @backstage/create-app app', () => {
  beforeAll(() => {
    tmp.write(CREATE_APP_EXAMPLES);
  }, 30_000);

  it('lints its examples with exit 0: the template skeleton is skipped with a note at the step that fetches it', async () => {
    const result = await run(['lint', 'examples', '--format', 'json'], {
      cwd: tmp.path,
    });
    const output = JSON.parse(result.stdout);
    expect(output.errors).toBe(0);
    expect(result.code).toBe(0);
    expect(output.findings).toContainEqual({
      path: 'examples/template/template.yaml',
      line: 21,
      column: 14,
      severity: 'note',
      entityRef: null,
      annotation: null,
      message:
        './content is the skeleton of template example-nodejs-template (fetch:template): its 1 YAML file is the start of new projects, not catalog data, and is not read',
    });
    expect(output.notes).toBe(1);
    expect(output.files).toBe(3);
  }, 30_000);

  it('says so in the text output, and still counts it as no problems', async () => {
    const result = await run(['lint', 'examples'], { cwd: tmp.path });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^examples\/template\/template\.yaml:21:14 {2}note {5}\.\/content is the skeleton/m,
    );
    expect(result.stdout).toMatch(/No problems in \d+ entities in 3 files\n$/);
  }, 30_000);

  it('reads the skeleton when the template is not among the files read (and it fails, as it would in the catalog)', async () => {
    const result = await run(
      ['lint', 'examples/template/content', '--format', 'json'],
      { cwd: tmp.path },
    );
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).findings[0].message).toMatch(
      /the catalog rejects this entity/,
    );
  }, 30_000);

  it('leaves out paths given with --ignore (relative to the current folder, repeatable)', async () => {
    tmp.write({
      'ignored/examples/broken.yaml': yamlEntity('Component', 'Not A Name!'),
      'ignored/examples/generated/x.yaml': yamlEntity('Group', 'Bad Name!'),
      'ignored/examples/ok.yaml': yamlEntity('Group', 'ok', {
        annotations: { 'team-insights.io/team-type': 'feature' },
        spec: { type: 'team', children: [] },
      }),
    });
    const without = await run(['lint', 'ignored'], { cwd: tmp.path });
    expect(without.code).toBe(1);
    const result = await run(
      [
        'lint',
        'ignored',
        '--ignore',
        'ignored/examples/broken.yaml',
        '--ignore',
        'generated/',
      ],
      { cwd: tmp.path },
    );
    expect(result).toEqual({
      code: 0,
      stdout: 'No problems in 1 entity in 1 file\n',
      stderr: '',
    });
  }, 30_000);

  it('leaves out what the .team-insightsignore at the root of a folder given lists', async () => {
    tmp.write({
      'with-file/.team-insightsignore':
        '# not catalog data\nbroken.yaml\ngenerated/\n',
      'with-file/broken.yaml': yamlEntity('Component', 'Not A Name!'),
      'with-file/generated/x.yaml': yamlEntity('Group', 'Bad Name!'),
      'with-file/ok.yaml': yamlEntity('Group', 'ok', {
        annotations: { 'team-insights.io/team-type': 'feature' },
        spec: { type: 'team', children: [] },
      }),
    });
    const result = await run(['lint', 'with-file'], { cwd: tmp.path });
    expect(result).toEqual({
      code: 0,
      stdout: 'No problems in 1 entity in 1 file\n',
      stderr: '',
    });
  }, 30_000);
});
