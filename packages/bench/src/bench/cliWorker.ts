/*
 * The CLI against the floor of reading YAML, in a process of its own:
 * writes the organisation's entities as plain catalog YAML files (as their
 * owners would write them: no relations, no placeholders), then times
 * reading and parsing those files with the `yaml` package, and
 * `team-insights score <folder> --format json` on the same files, in
 * process (no start-up of node counted). Prints one JSON line.
 *
 *   node -r @backstage/cli/config/nodeTransform.cjs \
 *     src/bench/cliWorker.ts --size 20000 --dir <folder> [--runs 3]
 */
import { main as cli } from '@team-insights/cli';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { generateOrganisation, toCatalogYaml } from '../generator';
import { summarise } from './stats';

/** Entities per file: about one repository's catalog-info.yaml and its neighbours. */
const ENTITIES_PER_FILE = 50;

function writeCatalog(dir: string, size: number, seed: number) {
  const marker = path.join(dir, '.complete');
  if (fs.existsSync(marker)) return;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const { entities } = generateOrganisation({ size, seed });
  for (let i = 0; i < entities.length; i += ENTITIES_PER_FILE) {
    const name = `part-${String(i / ENTITIES_PER_FILE).padStart(4, '0')}.yaml`;
    fs.writeFileSync(
      path.join(dir, name),
      toCatalogYaml(entities.slice(i, i + ENTITIES_PER_FILE)),
    );
  }
  fs.writeFileSync(marker, '');
}

/** Reads and parses every file as the catalog's YAML reader would. */
function parseAll(dir: string): number {
  let documents = 0;
  for (const name of fs.readdirSync(dir).sort()) {
    if (!name.endsWith('.yaml')) continue;
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    for (const document of parseAllDocuments(text)) {
      if (document.toJS()) documents++;
    }
  }
  return documents;
}

async function score(dir: string): Promise<number> {
  let bytes = 0;
  const sink = {
    write(chunk: string) {
      bytes += chunk.length;
      return true;
    },
  };
  const code = await cli(['score', dir, '--format', 'json'], {
    stdout: sink,
    stderr: { write: () => true },
    cwd: dir,
  });
  if (code !== 0 && code !== 1) {
    throw new Error(`team-insights score exited with ${code}`);
  }
  return bytes;
}

async function main(argv: string[]) {
  const arg = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const size = Number(arg('size') ?? 20_000);
  const runs = Number(arg('runs') ?? 3);
  const seed = Number(arg('seed') ?? 1);
  const dir = arg('dir');
  if (!dir) throw new Error('--dir is required');
  writeCatalog(dir, size, seed);
  const catalogBytes = fs
    .readdirSync(dir)
    .filter(name => name.endsWith('.yaml'))
    .reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0);

  // One warm-up of each, then alternating timed runs.
  const documents = parseAll(dir);
  if (documents !== size) {
    throw new Error(`parsed ${documents} documents, expected ${size}`);
  }
  const outputBytes = await score(dir);
  const parseMs: number[] = [];
  const scoreMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    let started = performance.now();
    parseAll(dir);
    parseMs.push(performance.now() - started);
    started = performance.now();
    await score(dir);
    scoreMs.push(performance.now() - started);
  }
  process.stdout.write(
    `${JSON.stringify({
      size,
      files: Math.ceil(size / ENTITIES_PER_FILE),
      catalogBytes,
      outputBytes,
      parseMs: summarise(parseMs),
      scoreMs: summarise(scoreMs),
    })}\n`,
  );
}

main(process.argv.slice(2)).catch(error => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exitCode = 1;
});
