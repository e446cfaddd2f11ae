/*
 * Writes a synthetic organisation as catalog YAML (without relations: the
 * catalog builds them) or as catalog JSON (with relations, as the catalog
 * serves entities).
 *
 *   yarn workspace @team-insights/bench generate --size 10000 [--seed 1]
 *     [--format yaml|json] [--out FILE]
 */
import fs from 'node:fs';
import { generateOrganisation } from './generateOrganisation';
import { toCatalogYaml } from './catalogYaml';

function main(argv: string[]) {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}`);
    args.set(arg.slice(2), argv[++i] ?? '');
  }
  const size = Number(args.get('size') ?? '1000');
  const seed = Number(args.get('seed') ?? '1');
  const format = args.get('format') ?? 'yaml';
  if (format !== 'yaml' && format !== 'json') {
    throw new Error(`--format must be yaml or json, got ${format}`);
  }
  const organisation = generateOrganisation({ size, seed });
  const text =
    format === 'yaml'
      ? toCatalogYaml(organisation.entities)
      : `${JSON.stringify(organisation.entities, null, 2)}\n`;
  const out = args.get('out');
  if (out) {
    fs.writeFileSync(out, text);
    process.stderr.write(
      `wrote ${
        organisation.entities.length
      } entities to ${out}: ${JSON.stringify(organisation.stats)}\n`,
    );
  } else {
    process.stdout.write(text);
  }
}

try {
  main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`generate: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
