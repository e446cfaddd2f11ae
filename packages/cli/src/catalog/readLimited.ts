import { constants } from 'node:fs';
import fs from 'node:fs/promises';

/** One mebibyte, the unit the limits are given in. */
export const MIB = 1024 * 1024;

/** The largest catalog file the CLI reads. */
export const MAX_FILE_BYTES = 10 * MIB;

/** The largest file a `$text`, `$json` or `$yaml` placeholder reads. */
export const MAX_PLACEHOLDER_BYTES = 1 * MIB;

/** What {@link readLimited} found. */
export type LimitedRead =
  | { kind: 'text'; text: string }
  | { kind: 'too-large'; size: number }
  | { kind: 'not-regular' };

/** A size for messages: `50.0 MiB`, `312 KiB`. */
export function formatSize(bytes: number): string {
  if (bytes % MIB === 0) {
    return `${bytes / MIB} MiB`;
  }
  if (bytes >= MIB) {
    return `${(bytes / MIB).toFixed(1)} MiB`;
  }
  return `${Math.ceil(bytes / 1024)} KiB`;
}

/**
 * Reads a regular file as UTF-8 text, never more than `limit` bytes of it:
 * a larger file (also one that grows while it is read) is reported by its
 * size instead, and anything but a regular file (a FIFO, a device) is not
 * read at all. Opening does not block on a FIFO.
 *
 * @throws the file system's error when the file cannot be opened or read.
 */
export async function readLimited(
  file: string,
  limit: number,
): Promise<LimitedRead> {
  // O_NONBLOCK keeps open() from waiting for a writer on a FIFO; it does
  // nothing to regular files. Not every platform defines it.
  const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
  const handle = await fs.open(file, flags);
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) {
      return { kind: 'not-regular' };
    }
    if (stat.size > limit) {
      return { kind: 'too-large', size: stat.size };
    }
    // Read in chunks and stop one byte past the limit, so that a file that
    // grows while it is read is never held whole either.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(256 * 1024, limit + 1 - length));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) {
        break;
      }
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > limit) {
        return { kind: 'too-large', size: Math.max(length, stat.size) };
      }
    }
    return {
      kind: 'text',
      text: Buffer.concat(chunks, length).toString('utf8'),
    };
  } finally {
    await handle.close();
  }
}

/**
 * The deepest nesting of `[` and `{` any YAML or JSON the CLI parses may
 * have. Catalog data needs a handful of levels; the YAML parser needs
 * seconds and gigabytes for a few megabytes of `[[[[…`.
 */
export const MAX_NESTING = 500;

/**
 * Whether brackets in the text nest deeper than `limit` (counting every `[`
 * and `{`, also inside strings, so it may overcount but never under).
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > limit) {
        return true;
      }
    } else if ((code === 0x5d || code === 0x7d) && depth > 0) {
      depth -= 1;
    }
  }
  return false;
}
