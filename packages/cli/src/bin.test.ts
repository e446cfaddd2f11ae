import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { version } from '../package.json';

const BIN = path.resolve(__dirname, '../bin/team-insights');
const FIXTURES = path.resolve(__dirname, '__fixtures__');

function spawnBin(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: path.resolve(__dirname, '..'),
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('bin/team-insights', () => {
  it('runs the sources, resolving paths against INIT_CWD as `yarn team-insights` needs', () => {
    const result = spawnBin(
      ['score', 'org', '--format', 'json', '--now', '2026-01-15'],
      { INIT_CWD: FIXTURES },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.evaluatedAt).toBe('2026-01-15T00:00:00.000Z');
    expect(report.teams.length).toBe(4);
  });

  it('prints the version', () => {
    expect(spawnBin(['--version'])).toEqual({
      code: 0,
      stdout: `${version}\n`,
      stderr: '',
    });
  });
});
