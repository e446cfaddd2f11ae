import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { useTempDir } from '../__testUtils__';
import { formatSize, MIB, nestsDeeperThan, readLimited } from './readLimited';

const tmp = useTempDir();

describe('readLimited', () => {
  it('reads a file up to the limit and reports a larger one by its size', async () => {
    const [small, large] = tmp.write({
      'small.txt': 'x'.repeat(1000),
      'large.txt': 'x'.repeat(1001),
    });
    expect(await readLimited(small, 1000)).toEqual({
      kind: 'text',
      text: 'x'.repeat(1000),
    });
    expect(await readLimited(large, 1000)).toEqual({
      kind: 'too-large',
      size: 1001,
    });
  });

  it('does not read a device such as /dev/zero, which never ends', async () => {
    expect(await readLimited('/dev/zero', 1000)).toEqual({
      kind: 'not-regular',
    });
  });

  it('does not wait for a writer on a FIFO named like a catalog file', async () => {
    const fifo = tmp.resolve('fifo.yaml');
    const made = spawnSync('mkfifo', [fifo]);
    if (made.error || made.status !== 0) {
      // eslint-disable-next-line no-console
      console.log('Not tested: opening a FIFO (mkfifo is not available).');
      return;
    }
    expect(await readLimited(fifo, 1000)).toEqual({ kind: 'not-regular' });
    fs.rmSync(fifo);
  });

  it('throws the file system error for a missing file', async () => {
    await expect(
      readLimited(tmp.resolve('nowhere.txt'), 1000),
    ).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('nestsDeeperThan', () => {
  it('counts nested [ and {, closing brackets included', () => {
    expect(nestsDeeperThan('[{[]}]', 3)).toBe(false);
    expect(nestsDeeperThan('[{[[]]}]', 3)).toBe(true);
    expect(nestsDeeperThan(']]]][[[', 3)).toBe(false);
    expect(nestsDeeperThan('[]'.repeat(10_000), 1)).toBe(false);
  });
});

describe('formatSize', () => {
  it('says sizes as people read them', () => {
    expect(formatSize(10 * MIB)).toBe('10 MiB');
    expect(formatSize(52_428_949)).toBe('50.0 MiB');
    expect(formatSize(2000)).toBe('2 KiB');
  });
});
