import { run } from './__testUtils__';

describe('main', () => {
  it.each([['lint'], ['score']])(
    'prints help for %s with its options and exit codes',
    async command => {
      const result = await run([command, '--help'], { cwd: __dirname });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(
        `Usage: team-insights ${command} [options] [paths...]`,
      );
      expect(result.stdout).toContain('--format <format>');
      expect(result.stdout).toContain('Exit codes:');
      expect(result.stderr).toBe('');
    },
  );

  it('lists the commands and exits 2 when none is given', async () => {
    const result = await run([], { cwd: __dirname });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('lint [options] [paths...]');
    expect(result.stderr).toContain('score [options] [paths...]');
  });

  it('exits 2 on an unknown command', async () => {
    const result = await run(['scroe'], { cwd: __dirname });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "team-insights: unknown command 'scroe' (did you mean score?)\n",
    );
  });
});
