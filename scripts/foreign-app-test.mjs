#!/usr/bin/env node
// Installs the packed Team Insights packages into a brand-new Backstage app
// from @backstage/create-app (the release of backstage.json) exactly as the
// README says, then type-checks and builds it, starts its backend on
// 127.0.0.1 with one annotated team, checks the REST API and the pages in
// Chromium, and runs the CLI gate over the app's tree.
//
//   yarn test:foreign-app                 # packs first (yarn release:pack)
//   yarn test:foreign-app --packs DIR     # reuse packed tarballs
//   FOREIGN_APP_KEEP=1 …                  # keep the generated app
//
// The commands run in the app (README "Install into your Backstage"); the
// registry is stood in for by `resolutions` mapping each @team-insights name
// to its tarball, which is why each `add` names the packed range:
//
//   yarn --cwd packages/backend add @team-insights/plugin-team-insights-backend @team-insights/plugin-catalog-backend-module-team-insights
//   # packages/backend/src/index.ts, before backend.start():
//   backend.add(import('@team-insights/plugin-team-insights-backend'));
//   backend.add(import('@team-insights/plugin-catalog-backend-module-team-insights'));
//   yarn --cwd packages/app add @team-insights/plugin-team-insights   # app.packages: all discovers it
//   yarn add --dev @team-insights/cli
//   yarn tsc && yarn build:all
//   yarn team-insights lint .
//   yarn team-insights score . --entity group:default/ml-search --fail-below bronze
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  guestToken,
  launchChromium,
} from '../packages/app/e2e-tests/portal.mjs';

const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
);
const reportDir = path.join(repoRoot, 'e2e-test-report', 'foreign-app');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'team-insights-foreign-'));
const appDir = path.join(work, 'app');
const logDir = path.join(work, 'logs');
fs.mkdirSync(logDir);
const timings = [];
const cleanups = [];
let logIndex = 0;

const TEAM = 'group:default/ml-search';
const CATALOG = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: ml-search
  title: ML Search
  annotations:
    team-insights.io/team-type: feature
    team-insights.io/skills: data-scientist=1, analytics-translator=1
spec:
  type: team
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: ada
  annotations:
    team-insights.io/skills: data-engineer, site-reliability-engineer
spec:
  memberOf: [ml-search]
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: search-ranker
  description: Ranks search results with a learned model for the storefront.
  tags: [ml]
  links: [{ url: 'https://example.com/ranker', title: Runbook }]
  annotations:
    backstage.io/techdocs-ref: dir:.
    backstage.io/source-location: url:https://example.com/ranker
spec:
  type: service
  lifecycle: production
  owner: ml-search
`;

/**
 * The generated app's packages come from yarn's global cache; under
 * $TI_CACHE (kept between CI runs) when that is set.
 */
function appEnv(cwd) {
  const cache = process.env.TI_CACHE;
  if (!cache || !cwd.startsWith(appDir)) return {};
  return { YARN_GLOBAL_FOLDER: path.join(cache, 'foreign-app-yarn') };
}

function fail(step, message) {
  const error = new Error(`${step}: ${message}`);
  error.step = step;
  throw error;
}

/** Runs a command, its output in a log file; throws naming the step. */
function sh(step, command, args, { cwd = appDir, env } = {}) {
  const logFile = path.join(
    logDir,
    `${String(++logIndex).padStart(2, '0')}-${step.replace(/\W+/g, '-')}.log`,
  );
  const out = fs.openSync(logFile, 'w');
  const result = spawnSync(command, args, {
    cwd,
    env: { ...process.env, ...appEnv(cwd), ...env },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  if (result.status !== 0) {
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-30);
    fail(
      step,
      `\`${command} ${args.join(' ')}\` exited ${result.status}\n${tail.join(
        '\n',
      )}`,
    );
  }
  return fs.readFileSync(logFile, 'utf8');
}

async function step(name, fn) {
  const started = Date.now();
  console.log(`\n== ${name}`);
  await fn();
  const seconds = (Date.now() - started) / 1000;
  timings.push([name, seconds]);
  console.log(`   done in ${seconds.toFixed(1)} s`);
}

/** Compares two x.y.z versions. */
function compareVersions(a, b) {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

/**
 * The newest @backstage/create-app whose Backstage release is at most
 * `release`, with the release it creates. When no create-app ships `release`
 * itself, the app is bumped to it afterwards (README: `versions:bump`).
 */
function createAppFor(release) {
  const versions = JSON.parse(
    sh(
      'create-app versions',
      'npm',
      ['view', '@backstage/create-app', 'versions', '--json'],
      { cwd: work },
    ),
  )
    .filter(v => /^\d+\.\d+\.\d+$/.test(v))
    .sort(compareVersions)
    .reverse()
    .slice(0, 20);
  const probe = path.join(work, 'probe');
  for (const version of versions) {
    fs.rmSync(probe, { recursive: true, force: true });
    fs.mkdirSync(probe);
    const file = sh(
      'create-app probe',
      'npm',
      [
        'pack',
        `@backstage/create-app@${version}`,
        '--silent',
        '--pack-destination',
        probe,
      ],
      { cwd: probe },
    )
      .trim()
      .split('\n')
      .pop();
    sh(
      'create-app probe',
      'tar',
      [
        'xzf',
        path.join(probe, file),
        '-C',
        probe,
        'package/dist/package.json.cjs.js',
      ],
      { cwd: probe },
    );
    const text = fs.readFileSync(
      path.join(probe, 'package/dist/package.json.cjs.js'),
      'utf8',
    );
    const creates = /version = "([^"]+)"/.exec(text)?.[1];
    if (creates && compareVersions(creates, release) <= 0) {
      return { version, creates };
    }
  }
  return fail(
    'create app',
    `no @backstage/create-app among the newest 20 creates Backstage ${release} or older`,
  );
}

/** The highest version of every @backstage package in a yarn.lock. */
function lockedBackstageVersions(lockFile) {
  const versions = new Map();
  let names = [];
  for (const line of fs.readFileSync(lockFile, 'utf8').split('\n')) {
    if (/^"?@backstage\//.test(line)) {
      names = [
        ...new Set(
          line
            .replace(/:$/, '')
            .split(', ')
            .map(entry => /^"?(@backstage\/[^@]+)@/.exec(entry)?.[1])
            .filter(Boolean),
        ),
      ];
    } else if (/^\S/.test(line)) {
      names = [];
    } else {
      const version = /^ {2}version: "?([^"\s]+)"?$/.exec(line)?.[1];
      if (version && /^\d+\.\d+\.\d+$/.test(version)) {
        for (const name of names) {
          const known = versions.get(name);
          if (!known || compareVersions(version, known) > 0)
            versions.set(name, version);
        }
      }
    }
  }
  return versions;
}

/** Every @backstage package the app's workspaces depend on. */
function appBackstageDependencies() {
  const names = new Set();
  const manifests = [path.join(appDir, 'package.json')];
  for (const dir of ['packages', 'plugins']) {
    const base = path.join(appDir, dir);
    if (!fs.existsSync(base)) continue;
    for (const entry of fs.readdirSync(base)) {
      const file = path.join(base, entry, 'package.json');
      if (fs.existsSync(file)) manifests.push(file);
    }
  }
  for (const file of manifests) {
    const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const field of ['dependencies', 'devDependencies']) {
      for (const name of Object.keys(pkg[field] ?? {})) {
        if (name.startsWith('@backstage/')) names.add(name);
      }
    }
  }
  return [...names].sort();
}

/**
 * A release manifest for `versions:bump` (BACKSTAGE_MANIFEST_FILE), standing
 * in for versions.backstage.io: the @backstage versions this repository is
 * built and tested with, and for the app's other @backstage packages the
 * registry's current version.
 */
function writeReleaseManifest(release, file) {
  const locked = lockedBackstageVersions(path.join(repoRoot, 'yarn.lock'));
  const packages = new Map(locked);
  for (const name of appBackstageDependencies()) {
    if (packages.has(name)) continue;
    const version = sh('registry version', 'npm', ['view', name, 'version'], {
      cwd: work,
    }).trim();
    packages.set(name, version);
  }
  fs.writeFileSync(
    file,
    JSON.stringify(
      {
        releaseVersion: release,
        packages: [...packages].map(([name, version]) => ({ name, version })),
      },
      null,
      2,
    ),
  );
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Polls `fn` until truthy; `gone()` returning a message stops at once. */
async function poll(step, what, timeoutMs, fn, gone = () => undefined) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    const reason = gone();
    if (reason) fail(step, `${what} not reached: ${reason}`);
    try {
      const value = await fn();
      if (value) return value;
      last = 'not yet';
    } catch (e) {
      last = e.message;
    }
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
  return fail(
    step,
    `${what} not reached within ${timeoutMs / 1000} s (${last})`,
  );
}

async function main() {
  const release = JSON.parse(
    fs.readFileSync(path.join(repoRoot, 'backstage.json'), 'utf8'),
  ).version;
  const packsArg = process.argv.indexOf('--packs');
  let packs = path.join(repoRoot, 'dist-packs');

  if (packsArg > 0) {
    packs = path.resolve(process.argv[packsArg + 1]);
  } else {
    await step('yarn release:pack', () => {
      sh('yarn release:pack', 'yarn', ['release:pack'], { cwd: repoRoot });
    });
  }
  const tarballs = {};
  for (const file of fs.readdirSync(packs).filter(f => f.endsWith('.tgz'))) {
    const pkg = JSON.parse(
      sh(
        'read tarball',
        'tar',
        ['xzOf', path.join(packs, file), 'package/package.json'],
        { cwd: packs },
      ),
    );
    tarballs[pkg.name] = { file: path.join(packs, file), version: pkg.version };
  }
  const add = name =>
    `${name}@^${
      tarballs[name]?.version ??
      fail('install', `no tarball of ${name} in ${packs}`)
    }`;

  await step(`create app (Backstage ${release})`, () => {
    const { version, creates } = createAppFor(release);
    console.log(
      `   @backstage/create-app@${version} (creates Backstage ${creates})`,
    );
    // create-app asks `yarn -v` outside any project: pin corepack's yarn.
    const rootPkg = JSON.parse(
      fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'),
    );
    fs.writeFileSync(
      path.join(work, 'package.json'),
      JSON.stringify({ private: true, packageManager: rootPkg.packageManager }),
    );
    sh(
      'create app',
      'npx',
      [
        '--yes',
        `@backstage/create-app@${version}`,
        '--skip-install',
        '--path',
        'app',
      ],
      {
        cwd: work,
        env: { BACKSTAGE_APP_NAME: 'foreign-app' },
      },
    );
    if (creates !== release) {
      // README: apps older than backstage.json move up with versions:bump.
      // The registry's release manifest host is stood in for by a local file.
      const manifest = path.join(work, `backstage-${release}-manifest.json`);
      writeReleaseManifest(release, manifest);
      sh(
        `versions:bump to ${release}`,
        'node',
        [
          path.join(repoRoot, 'node_modules/@backstage/cli/bin/backstage-cli'),
          'versions:bump',
          '--skip-install',
          '--skip-migrate',
        ],
        { env: { BACKSTAGE_MANIFEST_FILE: manifest } },
      );
      const bumped = JSON.parse(
        fs.readFileSync(path.join(appDir, 'backstage.json'), 'utf8'),
      ).version;
      if (bumped !== release)
        fail('versions:bump', `backstage.json says ${bumped}, not ${release}`);
      console.log(`   bumped to Backstage ${release} with versions:bump`);
    }
  });

  await step('install the packages as the README says', () => {
    const pkgFile = path.join(appDir, 'package.json');
    const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
    for (const [name, { file }] of Object.entries(tarballs)) {
      pkg.resolutions[name] = `file:${file}`;
    }
    fs.writeFileSync(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
    sh('install backend plugin', 'yarn', [
      '--cwd',
      'packages/backend',
      'add',
      add('@team-insights/plugin-team-insights-backend'),
      add('@team-insights/plugin-catalog-backend-module-team-insights'),
    ]);
    const index = path.join(appDir, 'packages/backend/src/index.ts');
    const source = fs.readFileSync(index, 'utf8');
    if (!source.includes('backend.start();'))
      fail('install', 'no backend.start() in the backend');
    fs.writeFileSync(
      index,
      source.replace(
        'backend.start();',
        [
          "backend.add(import('@team-insights/plugin-team-insights-backend'));",
          "backend.add(import('@team-insights/plugin-catalog-backend-module-team-insights'));",
          '',
          'backend.start();',
        ].join('\n'),
      ),
    );
    sh('install frontend plugin', 'yarn', [
      '--cwd',
      'packages/app',
      'add',
      add('@team-insights/plugin-team-insights'),
    ]);
    sh('install cli', 'yarn', ['add', '--dev', add('@team-insights/cli')]);
    // One annotated team, added as a catalog location.
    fs.writeFileSync(path.join(appDir, 'examples/team-insights.yaml'), CATALOG);
    const configFile = path.join(appDir, 'app-config.yaml');
    const config = fs.readFileSync(configFile, 'utf8');
    if (!config.includes('\n  locations:\n'))
      fail('install', 'no catalog.locations in app-config.yaml');
    fs.writeFileSync(
      configFile,
      config.replace(
        '\n  locations:\n',
        [
          '\n  locations:',
          '    - type: file',
          '      target: ../../examples/team-insights.yaml',
          '      rules:',
          '        - allow: [User, Group, Component]',
          '',
        ].join('\n'),
      ),
    );
  });

  await step('yarn tsc', () => sh('yarn tsc', 'yarn', ['tsc']));
  await step('yarn build:all', () =>
    sh('yarn build:all', 'yarn', ['build:all']),
  );

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let token;
  await step('start the backend and score the team over REST', async () => {
    const override = path.join(work, 'app-config.ci.yaml');
    fs.writeFileSync(
      override,
      [
        'app:',
        `  baseUrl: ${baseUrl}`,
        'backend:',
        `  baseUrl: ${baseUrl}`,
        '  listen:',
        `    port: ${port}`,
        '    host: 127.0.0.1',
        '  cors:',
        `    origin: ${baseUrl}`,
        'teamInsights:',
        '  refresh:',
        '    frequency: { seconds: 15 }',
        '',
      ].join('\n'),
    );
    const logFile = path.join(logDir, 'backend.log');
    const out = fs.openSync(logFile, 'w');
    const child = spawn(
      'yarn',
      [
        'workspace',
        'backend',
        'start',
        '--config',
        path.join(appDir, 'app-config.yaml'),
        '--config',
        override,
      ],
      {
        cwd: appDir,
        detached: true,
        stdio: ['ignore', out, out],
      },
    );
    cleanups.push(
      () =>
        new Promise(resolve => {
          try {
            process.kill(-child.pid, 'SIGTERM');
          } catch {
            resolve();
            return;
          }
          const timer = setTimeout(() => {
            try {
              process.kill(-child.pid, 'SIGKILL');
            } catch {
              /* gone */
            }
            resolve();
          }, 10_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
        }),
    );
    let exit;
    child.once('exit', (code, signal) => {
      exit = signal ? `signal ${signal}` : `exit code ${code}`;
    });
    // The backend stopping ends the test at once, with the end of its log.
    const gone = () => {
      if (!exit) return undefined;
      const tail = fs
        .readFileSync(logFile, 'utf8')
        .split('\n')
        .slice(-40)
        .join('\n');
      return `the backend exited (${exit}); the end of its log:\n${tail}`;
    };
    const s = 'backend';
    await poll(
      s,
      'readiness',
      300_000,
      async () => (await fetch(`${baseUrl}/.backstage/health/v1/readiness`)).ok,
      gone,
    );
    token = await poll(
      s,
      'guest sign-in',
      60_000,
      () => guestToken(baseUrl),
      gone,
    );
    const team = await poll(
      s,
      `${TEAM} scored by /api/team-insights/v1/teams`,
      180_000,
      async () => {
        const res = await fetch(
          `${baseUrl}/api/team-insights/v1/teams?limit=50`,
          { headers: { authorization: `Bearer ${token}` } },
        );
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        return (await res.json()).items.find(
          t =>
            t.entityRef === TEAM &&
            typeof t.scores?.composition?.score === 'number',
        );
      },
      gone,
    );
    if (team.size !== 3 || team.teamType !== 'feature') {
      fail(s, `expected a feature team of 3, got ${JSON.stringify(team)}`);
    }
    console.log(`   ${TEAM}: ${JSON.stringify(team.scores)}`);
  });

  await step('render the pages in Chromium', async () => {
    const browser = await launchChromium();
    cleanups.unshift(() => browser.close());
    const page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
    });
    page.setDefaultTimeout(60_000);
    fs.mkdirSync(reportDir, { recursive: true });
    await page.goto(`${baseUrl}/team-insights`);
    const enter = page.getByRole('button', { name: 'Enter' });
    const heading = page
      .getByRole('heading', { name: 'Team Insights', exact: true })
      .first();
    await enter.or(heading).first().waitFor();
    if (await enter.isVisible()) await enter.click();
    await heading.waitFor();
    await page
      .getByRole('region', { name: 'Teams' })
      .getByRole('link', { name: 'ML Search' })
      .waitFor();
    await page.screenshot({ path: path.join(reportDir, 'overview.png') });
    await page.goto(`${baseUrl}/catalog/default/group/ml-search/team-insights`);
    await page
      .getByRole('list', { name: 'Checks of Team composition' })
      .waitFor();
    await page.screenshot({ path: path.join(reportDir, 'group-tab.png') });
  });

  await step('CLI gate over the app', () => {
    try {
      sh('team-insights lint .', 'yarn', ['team-insights', 'lint', '.']);
    } catch (e) {
      if (/template\/content\/catalog-info\.yaml/.test(e.message)) {
        e.message +=
          "\n(create-app's Scaffolder template skeleton is linted as an entity: the CLI needs to skip templates' content/)";
      }
      throw e;
    }
    sh('team-insights score', 'yarn', [
      'team-insights',
      'score',
      '.',
      '--entity',
      TEAM,
      '--fail-below',
      'bronze',
    ]);
  });
}

let failed = false;
try {
  await main();
} catch (e) {
  failed = true;
  console.error(`\nforeign-app test FAILED at ${e.message}`);
} finally {
  for (const cleanup of cleanups) await cleanup();
  if (failed) {
    fs.mkdirSync(reportDir, { recursive: true });
    fs.cpSync(logDir, path.join(reportDir, 'logs'), { recursive: true });
    console.error(
      `logs (the app's backend among them): ${path.join(reportDir, 'logs')}`,
    );
  }
  if (!process.env.FOREIGN_APP_KEEP)
    fs.rmSync(work, { recursive: true, force: true });
  else console.log(`app kept in ${appDir}`);
  console.log('\ntimings:');
  for (const [name, seconds] of timings)
    console.log(`  ${name}: ${seconds.toFixed(1)} s`);
  const total = timings.reduce((sum, [, s]) => sum + s, 0);
  console.log(`  total: ${total.toFixed(1)} s`);
  process.exitCode = failed ? 1 : 0;
}
