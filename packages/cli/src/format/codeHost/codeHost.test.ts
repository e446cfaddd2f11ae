import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { run, useTempDir, yamlEntity } from '../../__testUtils__';

const tmp = useTempDir();
const NOW = ['--now', '2026-01-15'];

// The official SARIF 2.1.0 schema (OASIS), kept offline beside the fixtures.
const sarifSchema = JSON.parse(
  fs.readFileSync(
    path.resolve(__dirname, '../../__fixtures__/sarif/sarif-schema-2.1.0.json'),
    'utf8',
  ),
);
const sarifAjv = new AjvDraft04({ allErrors: true, strict: false });
addFormats(sarifAjv);
const validateSarif = sarifAjv.compile(sarifSchema);

// GitLab's Code Quality report, as its documentation lists the fields it
// reads ("Code Quality report format"): every one of them is required.
const gitlabSchema = {
  type: 'array',
  items: {
    type: 'object',
    required: [
      'description',
      'check_name',
      'fingerprint',
      'severity',
      'location',
    ],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', minLength: 1 },
      severity: {
        enum: ['info', 'minor', 'major', 'critical', 'blocker'],
      },
      location: {
        type: 'object',
        required: ['path', 'lines'],
        properties: {
          path: { type: 'string', minLength: 1, pattern: '^[^/]' },
          lines: {
            type: 'object',
            required: ['begin'],
            properties: { begin: { type: 'integer', minimum: 1 } },
          },
        },
      },
    },
  },
};
const validateGitlab = new Ajv({ allErrors: true, strict: true }).compile(
  gitlabSchema,
);

const TEAM = yamlEntity('Group', 'search-ranking', {
  title: 'Search Ranking',
  annotations: {
    'team-insights.io/team-type': 'feature',
    'team-insights.io/waivers':
      'composition.team-size until 2026-03-01: merging with recs next quarter',
  },
  spec: { type: 'team', children: [] },
});

const USER = `apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: jdoe
  annotations:
    team-insights.io/skills: data-engineer, data-sceintist
spec:
  memberOf: [search-ranking]
`;

const COMPONENT = yamlEntity('Component', 'ranker', {
  description: 'TODO',
  spec: { type: 'service', owner: 'search-ranking', lifecycle: 'production' },
});

const CATALOG = `${TEAM}---\n${USER}---\n${COMPONENT}`;

/** The GitHub Actions toolkit's escaping, undone. */
function unescapeData(text: string): string {
  return text.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
}
function unescapeProperty(text: string): string {
  return unescapeData(text.replace(/%3A/g, ':').replace(/%2C/g, ','));
}

/** Parses workflow commands as the runner does: `::name k=v,k=v::data`. */
function parseCommands(stdout: string) {
  return stdout
    .split('\n')
    .filter(Boolean)
    .map(line => {
      const match = /^::(\w+)(?: ([^:]*))?::(.*)$/.exec(line);
      if (!match) throw new Error(`not a workflow command: ${line}`);
      const properties: Record<string, string> = {};
      for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
        const at = pair.indexOf('=');
        properties[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1));
      }
      return {
        command: match[1],
        properties,
        message: unescapeData(match[3]),
      };
    });
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: name => ['testsuite', 'testcase', 'property'].includes(name),
});

describe('formats for code hosts', () => {
  beforeAll(() => {
    tmp.write({
      'catalog/catalog-info.yaml': CATALOG,
      'shifted/catalog-info.yaml': `# moved down by a comment\n# and another\n\n${CATALOG}`,
      'odd, name: 100%/catalog-info.yaml': USER,
      'clean/catalog-info.yaml': yamlEntity('Group', 'tidy', {
        annotations: { 'team-insights.io/team-type': 'feature' },
        spec: { type: 'team', children: [] },
      }),
    });
  });

  describe('--format sarif', () => {
    it('writes lint findings as SARIF 2.1.0 that the official schema accepts, at the typo', async () => {
      const result = await run(['lint', 'catalog', '--format', 'sarif'], {
        cwd: tmp.path,
      });
      expect(result.code).toBe(1);
      const log = JSON.parse(result.stdout);
      expect(validateSarif(log)).toBe(true);
      expect(validateSarif.errors ?? []).toEqual([]);

      const [runLog] = log.runs;
      const typoLine = CATALOG.split('\n').findIndex(l =>
        l.includes('data-sceintist'),
      );
      const typoColumn =
        CATALOG.split('\n')[typoLine].indexOf('data-sceintist');
      const typo = runLog.results.find((r: any) =>
        r.message.text.includes('data-sceintist'),
      );
      expect(typo).toMatchObject({
        ruleId: 'team-insights.io/skills',
        level: 'error',
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'catalog/catalog-info.yaml' },
              region: {
                startLine: typoLine + 1,
                startColumn: typoColumn + 1,
              },
            },
            logicalLocations: [{ fullyQualifiedName: 'user:default/jdoe' }],
          },
        ],
      });
      const rule = runLog.tool.driver.rules[typo.ruleIndex];
      expect(rule.id).toBe('team-insights.io/skills');
      expect(rule.help.text).toMatch(/primary first/);
    });

    it('is checked by a schema that rejects what code scanning would reject', async () => {
      const result = await run(['lint', 'catalog', '--format', 'sarif'], {
        cwd: tmp.path,
      });
      const log = JSON.parse(result.stdout);
      delete log.runs[0].results[0].message;
      log.runs[0].results[1].level = 'fatal';
      expect(validateSarif(log)).toBe(false);
    });

    it('writes failing and warning checks of score with one rule per check, with help and remediation', async () => {
      const result = await run(
        ['score', 'catalog', '--format', 'sarif', ...NOW],
        { cwd: tmp.path },
      );
      expect(result.code).toBe(0);
      const log = JSON.parse(result.stdout);
      expect(validateSarif(log)).toBe(true);
      const [runLog] = log.runs;
      const ruleIds = runLog.tool.driver.rules.map((r: any) => r.id);
      expect(ruleIds).toEqual([...new Set(ruleIds)]);
      expect(ruleIds).toContain('docs.description');
      for (const item of runLog.results) {
        expect(runLog.tool.driver.rules[item.ruleIndex].id).toBe(item.ruleId);
      }
      const description = runLog.results.find(
        (r: any) => r.ruleId === 'docs.description',
      );
      expect(description.level).toBe('error');
      expect(description.message.text).toMatch(/Remediation: /);
      // pointed at the placeholder description of the Component
      const lines = CATALOG.split('\n');
      const { startLine, startColumn } =
        description.locations[0].physicalLocation.region;
      expect(lines[startLine - 1].slice(startColumn - 1)).toBe('TODO');
      // waived checks count as passed: not reported
      expect(
        runLog.results.some((r: any) => r.ruleId === 'composition.team-size'),
      ).toBe(false);
      expect(
        runLog.tool.driver.rules.find(
          (r: any) => r.id === 'composition.skill-coverage',
        ).help.text,
      ).toMatch(/analytics translator/);
    });
  });

  describe('--format junit', () => {
    it('writes one test case per entity and check, by scorecard: failures with the message, not-applicable skipped, waivers noted', async () => {
      const result = await run(
        ['score', 'catalog', '--format', 'junit', ...NOW],
        { cwd: tmp.path },
      );
      expect(result.code).toBe(0);
      const doc = xml.parse(result.stdout);
      const suites = doc.testsuites.testsuite;
      expect(suites.map((s: any) => s.name)).toEqual([
        'composition',
        'adoption',
        'documentation',
      ]);
      const all = suites.flatMap((s: any) => s.testcase);
      expect(Number(doc.testsuites.tests)).toBe(all.length);
      for (const suite of suites) {
        expect(Number(suite.tests)).toBe(suite.testcase.length);
        expect(Number(suite.failures)).toBe(
          suite.testcase.filter((c: any) => c.failure).length,
        );
        expect(Number(suite.skipped)).toBe(
          suite.testcase.filter((c: any) => c.skipped !== undefined).length,
        );
      }
      const byName = (classname: string, name: string) =>
        all.find((c: any) => c.classname === classname && c.name === name);

      const description = byName(
        'component:default/ranker',
        'docs.description',
      );
      expect(description.failure.message).toMatch(/description/i);
      expect(description.failure['#text']).toMatch(/Remediation: /);
      expect(description.file).toBe('catalog/catalog-info.yaml');

      const size = byName(
        'group:default/search-ranking',
        'composition.team-size',
      );
      expect(size.failure).toBeUndefined();
      expect(size.properties.property).toEqual([
        {
          name: 'waived',
          value:
            'until 2026-03-01: merging with recs next quarter (status: warn)',
        },
      ]);

      const api = byName('component:default/ranker', 'docs.api-definition');
      expect(api.skipped).toBeDefined();
    });

    it('writes lint findings per file, failing the entity and rule with errors', async () => {
      const result = await run(['lint', 'catalog', '--format', 'junit'], {
        cwd: tmp.path,
      });
      expect(result.code).toBe(1);
      const doc = xml.parse(result.stdout);
      const [suite] = doc.testsuites.testsuite;
      expect(suite.name).toBe('catalog/catalog-info.yaml');
      const failed = suite.testcase.filter((c: any) => c.failure);
      expect(failed).toEqual([
        expect.objectContaining({
          classname: 'user:default/jdoe',
          name: 'team-insights.io/skills',
          failure: expect.objectContaining({
            message: expect.stringContaining("'data-sceintist'"),
          }),
        }),
      ]);
      expect(suite.testcase.map((c: any) => c.classname)).toEqual(
        expect.arrayContaining([
          'component:default/ranker',
          'group:default/search-ranking',
        ]),
      );
    });
  });

  describe('--format github', () => {
    it('writes workflow commands that parse back to the findings, escaped as GitHub requires', async () => {
      const result = await run(['lint', '.', '--format', 'github'], {
        cwd: tmp.path,
      });
      expect(result.code).toBe(1);
      const json = JSON.parse(
        (await run(['lint', '.', '--format', 'json'], { cwd: tmp.path }))
          .stdout,
      );
      const commands = parseCommands(result.stdout);
      expect(commands).toHaveLength(json.findings.length);
      commands.forEach((command, i) => {
        const finding = json.findings[i];
        expect(command.command).toBe(finding.severity);
        expect(command.properties).toMatchObject({
          file: finding.path,
          line: String(finding.line),
          col: String(finding.column),
        });
        expect(command.message).toBe(finding.message);
      });
      // a path with a comma, a colon and a percent sign survives the trip
      expect(commands.map(c => c.properties.file)).toContain(
        'odd, name: 100%/catalog-info.yaml',
      );
      expect(result.stdout).toContain('file=odd%2C name%3A 100%25/');
    });

    it('writes failing checks as errors and warning checks as warnings, with multi-line remediation on one line', async () => {
      const result = await run(
        ['score', 'catalog', '--format', 'github', ...NOW],
        { cwd: tmp.path },
      );
      const commands = parseCommands(result.stdout);
      expect(new Set(commands.map(c => c.command))).toEqual(
        new Set(['error', 'warning']),
      );
      const multiLine = commands.find(c => c.message.includes('\n'));
      expect(multiLine?.message).toMatch(/\n\nRemediation: /);
      expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(
        commands.length,
      );
    });
  });

  describe('--format gitlab', () => {
    it('writes a Code Quality report with the fields GitLab reads', async () => {
      for (const command of ['lint', 'score']) {
        const result = await run(
          [command, 'catalog', '--format', 'gitlab', ...NOW],
          { cwd: tmp.path },
        );
        const issues = JSON.parse(result.stdout);
        expect(validateGitlab(issues)).toBe(true);
        expect(validateGitlab.errors ?? []).toEqual([]);
        expect(issues.length).toBeGreaterThan(0);
        const prints = issues.map((i: any) => i.fingerprint);
        expect(new Set(prints).size).toBe(prints.length);
      }
    });

    it('keeps fingerprints when lines move and across runs', async () => {
      const prints = async (folder: string) => {
        const result = await run(
          ['score', folder, '--format', 'gitlab', ...NOW],
          { cwd: tmp.path },
        );
        return JSON.parse(result.stdout).map((i: any) => ({
          check: i.check_name,
          fingerprint: i.fingerprint,
          line: i.location.lines.begin,
        }));
      };
      // Same folder name so that the paths match: copy the shifted file in.
      const original = await prints('catalog');
      const again = await prints('catalog');
      expect(again).toEqual(original);
      fs.copyFileSync(
        tmp.resolve('shifted/catalog-info.yaml'),
        tmp.resolve('catalog/catalog-info.yaml'),
      );
      try {
        const shifted = await prints('catalog');
        expect(shifted.map((i: any) => i.fingerprint)).toEqual(
          original.map((i: any) => i.fingerprint),
        );
        expect(shifted.map((i: any) => i.line)).toEqual(
          original.map((i: any) => i.line + 3),
        );
      } finally {
        fs.writeFileSync(tmp.resolve('catalog/catalog-info.yaml'), CATALOG);
      }
    });
  });

  it('keeps the exit codes: --fail-below fails whatever the format', async () => {
    for (const format of ['sarif', 'junit', 'github', 'gitlab']) {
      const result = await run(
        [
          'score',
          'catalog',
          '--format',
          format,
          '--fail-below',
          'gold',
          ...NOW,
        ],
        { cwd: tmp.path },
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/below gold/);
      const clean = await run(['lint', 'clean', '--format', format], {
        cwd: tmp.path,
      });
      expect(clean.code).toBe(0);
    }
  });
});
