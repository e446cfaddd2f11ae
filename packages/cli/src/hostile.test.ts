import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Report } from '@team-insights/plugin-team-insights-common';
import { run, RunResult, useTempDir } from './__testUtils__';

// What a pull request might point the CLI at, as docs/reliability.md lists
// it. The test builds the tree, and checks that page's table against what
// the CLI does, so that the page cannot go stale.

const tmp = useTempDir();
const SECRET = `TI-SECRET-${randomBytes(12).toString('hex')}`;
const RELIABILITY = path.resolve(__dirname, '../../../docs/reliability.md');
const MIB = 1024 * 1024;

/** A Group whose title (or another field) is a placeholder. */
function group(
  name: string,
  field: { title?: string; description?: string } = {},
): string {
  const lines = [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Group',
    'metadata:',
    `  name: ${name}`,
    '  annotations:',
    '    team-insights.io/team-type: feature',
  ];
  for (const [key, placeholder] of Object.entries(field)) {
    lines.push(`  ${key}:`, `    ${placeholder}`);
  }
  lines.push('spec:', '  type: team', '  children: []');
  return `${lines.join('\n')}\n`;
}

function api(name: string, definition: string): string {
  return [
    'apiVersion: backstage.io/v1alpha1',
    'kind: API',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  type: openapi',
    '  lifecycle: production',
    `  owner: ok-${name}`,
    '  definition:',
    `    ${definition}`,
    '',
  ].join('\n');
}

const ALIAS_BOMB = (() => {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 10; i++) {
    const ref = `*a${i - 1}`;
    lines.push(`a${i}: &a${i} [${Array(10).fill(ref).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
})();

/**
 * Each case: the files of its folder (links as `{ link: target }`), and the
 * paths to give (default: its folder).
 */
interface Case {
  files: Record<string, string | { link: string } | { bytes: number }>;
  args?: string[];
}

const CASES: Record<string, (outside: string) => Case> = {
  absolute: outside => ({
    files: {
      'team.yaml': group('absolute', {
        title: `$text: ${path.join(outside, 'secret.txt')}`,
      }),
    },
  }),
  'proc-environ': () => ({
    files: {
      'team.yaml': group('proc-environ', {
        description: '$text: /proc/self/environ',
      }),
    },
  }),
  'dot-dot': () => ({
    files: {
      'team.yaml': group('dot-dot', {
        title: '$text: ../../outside/secret.txt',
      }),
      // lint would quote the start of a file that is not JSON
      'api.yaml': api('dot-dot', '$json: ../../outside/secret.txt'),
    },
  }),
  'git-config': () => ({
    files: {
      '.git/config': `[http]\n  extraheader = AUTHORIZATION: basic ${SECRET}\n`,
      'team.yaml': group('git-config', { title: '$text: .git/config' }),
    },
  }),
  'symlinked-secret': outside => ({
    files: {
      'openapi.json': { link: path.join(outside, 'secret.json') },
      'api.yaml': api('symlinked-secret', '$json: ./openapi.json'),
    },
  }),
  'file-url': outside => ({
    files: {
      'team.yaml': group('file-url', {
        title: `$text: file://${path.join(outside, 'secret.txt')}`,
      }),
    },
  }),
  'large-placeholder': () => ({
    files: {
      'notes.txt': { bytes: 2 * MIB },
      'team.yaml': group('large-placeholder', {
        description: '$text: ./notes.txt',
      }),
    },
  }),
  'alias-bomb': () => ({
    files: {
      'data.yaml': ALIAS_BOMB,
      'api.yaml': api('alias-bomb', '$yaml: ./data.yaml'),
    },
  }),
  'alias-bomb-file': () => ({
    files: {
      // under the team's spec
      'team.yaml': `${group('bomb-file')}  profile:\n${ALIAS_BOMB.replace(
        /^(?=.)/gm,
        '    ',
      )}`,
    },
  }),
  'linked-file': outside => ({
    files: { 'team.yaml': { link: path.join(outside, 'entities/team.yaml') } },
  }),
  'dir-link-out': outside => ({
    files: {
      root: { link: '/' },
      elsewhere: { link: path.join(outside, 'entities') },
    },
  }),
  loops: () => ({
    files: {
      loop: { link: '.' },
      ping: { link: 'pong' },
      pong: { link: 'ping' },
    },
  }),
  'deep-nesting': () => ({
    files: {
      'catalog-info.yaml': `${group('deep')}  x: ${'['.repeat(
        100_000,
      )}${']'.repeat(100_000)}\n`,
      'api.yaml': api('deep-nesting', '$json: ./deep.json'),
      'deep.json': `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    },
  }),
  'huge-file': () => ({
    files: { 'catalog-info.yaml': { bytes: 11 * MIB } },
  }),
  'given-link': () => ({
    files: { 'catalog-info.yaml': { link: '/proc/self/environ' } },
    args: ['cases/given-link/catalog-info.yaml', 'cases/given-link/ok.yaml'],
  }),
};

/** A row of the table in docs/reliability.md. */
interface Row {
  id: string;
  severity: 'error' | 'warning' | 'note';
  fragment: string;
  lintExit: number;
  scoreExit: number;
}

function readTable(): Row[] {
  const text = fs.readFileSync(RELIABILITY, 'utf8');
  const section = text.slice(
    text.indexOf('## The CLI on untrusted pull requests'),
  );
  const rows: Row[] = [];
  for (const line of section.split('\n')) {
    const cells = line.split('|').map(c => c.trim());
    const id = /^`([a-z-]+)`$/.exec(cells[1] ?? '');
    if (!id || cells.length < 7) {
      continue;
    }
    const finding = /^(error|warning|note)\b.*?`([^`]+)`/.exec(cells[3]);
    if (!finding) {
      throw new Error(`docs/reliability.md: cannot read the row '${line}'`);
    }
    rows.push({
      id: id[1],
      severity: finding[1] as Row['severity'],
      fragment: finding[2],
      lintExit: Number(cells[4]),
      scoreExit: Number(cells[5]),
    });
  }
  return rows;
}

/** Fails when any 8 characters of the secret were printed. */
function expectNoSecret(result: RunResult, what: string) {
  const printed = result.stdout + result.stderr;
  for (let i = 0; i + 8 <= SECRET.length; i++) {
    const piece = SECRET.slice(i, i + 8);
    if (printed.includes(piece)) {
      throw new Error(`${what} printed '${piece}', part of the secret`);
    }
  }
}

interface JsonFinding {
  path: string | null;
  severity: string;
  message: string;
}

/**
 * Checks that `lint --format json` printed the finding of the row, at
 * `where`, and nothing on stderr; returns the findings.
 */
function expectRowFinding(
  lint: RunResult,
  row: Row,
  where: unknown,
): JsonFinding[] {
  expect(lint.stderr).toBe('');
  const { findings } = JSON.parse(lint.stdout) as { findings: JsonFinding[] };
  expect(findings).toContainEqual(
    expect.objectContaining({
      severity: row.severity,
      path: where,
      message: expect.stringContaining(row.fragment),
    }),
  );
  return findings;
}

describe('the CLI on a hostile pull request (docs/reliability.md)', () => {
  const rows = readTable();
  let outside = '';

  beforeAll(() => {
    outside = tmp.resolve('outside');
    tmp.write({
      'outside/secret.txt': `${SECRET}\n`,
      'outside/secret.json': JSON.stringify({
        token: SECRET,
        pad: 'x'.repeat(200),
      }),
      'outside/entities/team.yaml': group('outsider', { title: SECRET }),
      'outside/entities/nested/more.yaml': group('outsider-two', {
        description: SECRET,
      }),
    });
    for (const [id, make] of Object.entries(CASES)) {
      const folder = tmp.resolve('cases', id);
      fs.mkdirSync(folder, { recursive: true });
      tmp.write({ [`cases/${id}/ok.yaml`]: group(`ok-${id}`) });
      for (const [name, content] of Object.entries(make(outside).files)) {
        const file = path.join(folder, name);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        if (typeof content === 'string') {
          fs.writeFileSync(file, content);
        } else if ('link' in content) {
          fs.symlinkSync(content.link, file);
        } else {
          const head = `apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: big\n  description: "`;
          fs.writeFileSync(
            file,
            `${head}${'x'.repeat(content.bytes - head.length - 2)}"\n`,
          );
        }
      }
    }
  });

  it('lists in docs/reliability.md every case this test builds, and no other', () => {
    expect(rows.map(r => r.id).sort()).toEqual(
      [...Object.keys(CASES), 'unreadable'].sort(),
    );
  });

  describe.each(Object.keys(CASES))('%s', id => {
    it('gives the finding and exit codes of docs/reliability.md, scores the team beside it and prints no secret', async () => {
      const row = rows.find(r => r.id === id)!;
      const args = CASES[id](outside).args ?? [`cases/${id}`];

      const lint = await run(['lint', ...args, '--format', 'json'], {
        cwd: tmp.path,
      });
      expectNoSecret(lint, `lint ${id}`);
      expectRowFinding(lint, row, expect.stringContaining(`cases/${id}`));
      expect(lint.code).toBe(row.lintExit);

      const score = await run(['score', ...args, '--format', 'json'], {
        cwd: tmp.path,
      });
      expectNoSecret(score, `score ${id}`);
      expect(score.code).toBe(row.scoreExit);
      const report: Report = JSON.parse(score.stdout);
      expect(report.teams.map(t => t.entityRef)).toContain(
        `group:default/ok-${id}`,
      );
      expect(report.teams.map(t => t.entityRef)).not.toContain(
        'group:default/outsider',
      );
    }, 60_000);
  });

  const everyCase = (command: string, format: string, extra: string[]) =>
    run(
      [command, 'cases', '--format', format, '--now', '2026-01-15', ...extra],
      {
        cwd: tmp.path,
      },
    );

  it.each(['text', 'json'])(
    'prints nothing from outside the tree with lint --format %s over every case at once, with and without placeholders',
    async format => {
      for (const extra of [[], ['--no-placeholders']]) {
        const result = await everyCase('lint', format, extra);
        expectNoSecret(result, `lint --format ${format} ${extra}`);
        expect(result.code).toBe(1);
        expect(result.stdout).not.toContain('outsider');
      }
    },
    60_000,
  );

  it.each(['table', 'json', 'markdown'])(
    'prints nothing from outside the tree with score --format %s over every case at once, with and without placeholders, and scores every other team',
    async format => {
      for (const extra of [[], ['--no-placeholders']]) {
        const result = await everyCase('score', format, extra);
        expectNoSecret(result, `score --format ${format} ${extra}`);
        expect(result.code).toBe(0);
        for (const id of Object.keys(CASES)) {
          expect(result.stdout).toContain(`ok-${id}`);
        }
        expect(result.stdout).not.toContain('outsider');
      }
    },
    60_000,
  );

  it('reports a folder it may not read as a warning and reads the rest (unreadable)', async () => {
    const row = rows.find(r => r.id === 'unreadable')!;
    tmp.write({
      'unreadable/ok.yaml': group('ok-unreadable'),
      'unreadable/locked/team.yaml': group('locked'),
      'unreadable/locked-file.yaml': group('locked-file'),
    });
    const locked = tmp.resolve('unreadable/locked');
    const lockedFile = tmp.resolve('unreadable/locked-file.yaml');
    fs.chmodSync(locked, 0o000);
    fs.chmodSync(lockedFile, 0o000);
    try {
      let lint: RunResult;
      let score: RunResult;
      if (process.getuid?.() !== 0) {
        lint = await run(['lint', 'unreadable', '--format', 'json'], {
          cwd: tmp.path,
        });
        score = await run(['score', 'unreadable', '--format', 'json'], {
          cwd: tmp.path,
        });
      } else {
        // Root reads anything; without the capabilities that override
        // file permissions, it is refused like anyone else.
        const drop = [
          'setpriv',
          '--bounding-set=-dac_override,-dac_read_search',
        ];
        const probe = spawnSync(
          drop[0],
          [
            ...drop.slice(1),
            process.execPath,
            '-e',
            `require('fs').readdirSync(${JSON.stringify(locked)})`,
          ],
          { encoding: 'utf8' },
        );
        if (probe.error || !/EACCES/.test(probe.stderr)) {
          // eslint-disable-next-line no-console
          console.log(
            'Not tested: reading a folder without permission (running as root, and setpriv cannot drop the capabilities that let root read it).',
          );
          return;
        }
        const bin = path.resolve(__dirname, '../bin/team-insights');
        const child = (command: string): RunResult => {
          const result = spawnSync(
            drop[0],
            [
              ...drop.slice(1),
              process.execPath,
              bin,
              command,
              'unreadable',
              '--format',
              'json',
            ],
            {
              cwd: tmp.path,
              encoding: 'utf8',
              env: { ...process.env, INIT_CWD: tmp.path, NO_COLOR: '1' },
            },
          );
          return {
            code: result.status ?? -1,
            stdout: result.stdout,
            stderr: result.stderr,
          };
        };
        lint = child('lint');
        score = child('score');
      }
      const findings = expectRowFinding(lint, row, 'unreadable/locked');
      expect(findings).toContainEqual(
        expect.objectContaining({
          severity: 'warning',
          path: 'unreadable/locked-file.yaml',
          message: expect.stringContaining(
            'cannot read this file (permission denied)',
          ),
        }),
      );
      expect(lint.code).toBe(row.lintExit);
      expect(score.code).toBe(row.scoreExit);
      expect(score.stderr).toContain('unreadable/locked ');
      const report: Report = JSON.parse(score.stdout);
      expect(report.teams.map(t => t.entityRef)).toEqual([
        'group:default/ok-unreadable',
      ]);
    } finally {
      fs.chmodSync(locked, 0o755);
      fs.chmodSync(lockedFile, 0o644);
    }
  }, 60_000);
});
