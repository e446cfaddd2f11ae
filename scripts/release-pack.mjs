#!/usr/bin/env node
// `yarn release:pack`: type-checks the repository, builds every publishable
// (non-private) workspace and packs each into dist-packs/ as one .tgz, the
// exact files `npm publish` would upload. The declaration files that
// `backstage-cli package build` bundles come from the root `yarn tsc`, so the
// type check runs first.
//
//   yarn release:pack            # all publishable packages
//   yarn release:pack --out DIR  # somewhere else than dist-packs/
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
);
const outArg = process.argv.indexOf('--out');
const outDir = path.resolve(
  outArg > 0 ? process.argv[outArg + 1] : path.join(repoRoot, 'dist-packs'),
);

function run(step, args, cwd = repoRoot) {
  const started = Date.now();
  console.log(`\n== ${step}: yarn ${args.join(' ')}`);
  const result = spawnSync('yarn', args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`release:pack: ${step} failed (exit ${result.status})`);
    process.exit(1);
  }
  return Date.now() - started;
}

/** The tarball's file name, as `npm pack` names it. */
function tarballName(name, version) {
  return `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;
}

const workspaces = spawnSync('yarn', ['workspaces', 'list', '--json'], {
  cwd: repoRoot,
  encoding: 'utf8',
})
  .stdout.trim()
  .split('\n')
  .map(line => JSON.parse(line))
  .filter(w => w.location !== '.')
  .map(w => ({
    ...w,
    pkg: JSON.parse(
      fs.readFileSync(path.join(repoRoot, w.location, 'package.json'), 'utf8'),
    ),
  }))
  .filter(w => !w.pkg.private);

if (workspaces.length === 0) {
  console.error('release:pack: no publishable workspace found');
  process.exit(1);
}

const timings = [['type check', run('type check', ['tsc'])]];

fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });

const written = [];
for (const { name, location, pkg } of workspaces) {
  const cwd = path.join(repoRoot, location);
  let ms = 0;
  if (pkg.scripts?.build) ms += run(`build ${name}`, ['build'], cwd);
  const file = path.join(outDir, tarballName(name, pkg.version));
  // yarn pack runs the package's prepack/postpack (publishConfig applied)
  // and replaces workspace: ranges with the versions being released.
  ms += run(`pack ${name}`, ['pack', '--out', file], cwd);
  timings.push([name, ms]);
  written.push({ name, file, bytes: fs.statSync(file).size });
}

console.log(`\nrelease:pack wrote ${written.length} packages to ${outDir}:`);
for (const { file, bytes } of written) {
  console.log(`  ${path.basename(file)}  ${(bytes / 1024).toFixed(0)} KiB`);
}
console.log('\ntimings:');
for (const [step, ms] of timings) {
  console.log(`  ${step}: ${(ms / 1000).toFixed(1)} s`);
}
