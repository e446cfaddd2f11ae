// Starts the real portal from this repository for the browser test: the
// backend (with the demo organisation on a throw-away SQLite directory)
// serving the built frontend, on 127.0.0.1 only.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import YAML from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');

/** Where the frontend's sources live: a change to any of them needs a build. */
const sourceDirs = () => [
  path.join(repoRoot, 'packages/app/src'),
  ...fs
    .readdirSync(path.join(repoRoot, 'plugins'), { withFileTypes: true })
    .filter(entry => entry.isDirectory())
    .map(entry => path.join(repoRoot, 'plugins', entry.name, 'src')),
];

/** The newest modification time of the files under `dir`, 0 when none. */
function newestMtime(dir) {
  let newest = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      newest = Math.max(newest, newestMtime(full));
    } else if (entry.isFile()) {
      newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  }
  return newest;
}

/**
 * Why packages/app needs a build, or undefined when its build is newer than
 * every file under packages/app/src and plugins/<name>/src.
 */
export function staleBuildReason() {
  const dist = path.join(repoRoot, 'packages/app/dist/index.html');
  if (process.env.E2E_REBUILD) return 'E2E_REBUILD is set';
  if (!fs.existsSync(dist)) return 'there is no build yet';
  const built = fs.statSync(dist).mtimeMs;
  const changed = sourceDirs().find(dir => newestMtime(dir) > built);
  return changed
    ? `${path.relative(repoRoot, changed)} changed after the last build`
    : undefined;
}

/** Builds packages/app unless a build newer than all its sources exists. */
export function buildApp() {
  const reason = staleBuildReason();
  if (!reason) return;
  process.stderr.write(`Building packages/app: ${reason}.\n`);
  const result = spawnSync('yarn', ['workspace', 'app', 'build'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('building the app failed');
}

async function waitForOk(
  url,
  timeoutMs,
  isReady = res => res.ok,
  headers = {},
) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { headers });
      if (await isReady(res)) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e.message;
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms (${last})`);
}

/**
 * The catalog locations of app-config.yaml with absolute targets, and
 * `extra` catalog files after them (a config file's list replaces the one
 * before it, so the whole list is written again).
 */
function catalogLocations(extra) {
  const appConfig = YAML.parse(
    fs.readFileSync(path.join(repoRoot, 'app-config.yaml'), 'utf8'),
  );
  const backendDir = path.join(repoRoot, 'packages/backend');
  return [
    ...(appConfig.catalog?.locations ?? []).map(location =>
      location.type === 'file'
        ? { ...location, target: path.resolve(backendDir, location.target) }
        : location,
    ),
    ...extra.map(file => ({ type: 'file', target: path.resolve(file) })),
  ];
}

/**
 * A port nothing listens on at 127.0.0.1 right now, so that test files (and
 * other checkouts' test runs on the same machine) never meet each other's
 * portal.
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the backend on a free port and resolves once it is ready and Team
 * Insights has evaluated the demo organisation. `locations` adds catalog
 * files to the demo organisation; `historyFile` replaces the demo history
 * the demo backend loads (see {@link demoHistoryEndingBefore}).
 */
export async function startPortal({ locations = [], historyFile } = {}) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'team-insights-e2e-'));
  const catalog = locations.length
    ? [
        '  locations:',
        ...YAML.stringify(catalogLocations(locations))
          .trimEnd()
          .split('\n')
          .map(line => `    ${line}`),
      ]
    : [];
  const configFile = path.join(dataDir, 'app-config.e2e.yaml');
  fs.writeFileSync(
    configFile,
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
      '  database:',
      '    client: better-sqlite3',
      '    connection:',
      `      directory: ${path.join(dataDir, 'sqlite')}`,
      'catalog:',
      '  processingInterval: { seconds: 2 }',
      ...catalog,
      ...(historyFile
        ? ['teamInsightsDemo:', `  historyFile: ${historyFile}`]
        : []),
      'teamInsights:',
      '  refresh:',
      '    frequency: { seconds: 15 }',
      '',
    ].join('\n'),
  );

  const logFile = path.join(dataDir, 'backend.log');
  const log = fs.openSync(logFile, 'w');
  const child = spawn(
    'yarn',
    [
      'workspace',
      'backend',
      'start',
      '--config',
      path.join(repoRoot, 'app-config.yaml'),
      '--config',
      configFile,
    ],
    { cwd: repoRoot, detached: true, stdio: ['ignore', log, log] },
  );

  const stop = async () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    await new Promise(resolve => {
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
        resolve();
      }, 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  };

  try {
    await waitForOk(`${baseUrl}/.backstage/health/v1/readiness`, 240_000);
    const token = await guestToken(baseUrl);
    // The demo organisation is ingested and scored once the report names
    // its teams.
    await waitForOk(
      `${baseUrl}/api/team-insights/v1/teams?limit=1`,
      240_000,
      async res => res.ok && (await res.json()).totalCount >= 10,
      { authorization: `Bearer ${token}` },
    );
  } catch (e) {
    await stop();
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40);
    throw new Error(`${e.message}\nbackend log:\n${tail.join('\n')}`);
  }
  return { baseUrl, stop, logFile };
}

/**
 * A copy of the demo history (examples/history/demo-history.json) with every
 * day moved so that its last day is `days` days before today (UTC), written
 * to `dir`; its path. A test that counts what changed over the last weeks
 * then sees the same changes whatever day it runs on.
 */
export function demoHistoryEndingBefore(dir, days) {
  const source = path.join(repoRoot, 'examples/history/demo-history.json');
  const history = JSON.parse(fs.readFileSync(source, 'utf8'));
  const DAY = 86_400_000;
  const last = Math.max(...history.rows.map(row => Date.parse(row.day)));
  const today = Date.parse(new Date().toISOString().slice(0, 10));
  const shift = today - days * DAY - last;
  const moved = day => new Date(Date.parse(day) + shift).toISOString();
  history.rows = history.rows.map(row => ({
    ...row,
    day: moved(row.day).slice(0, 10),
    evaluated_at: moved(row.evaluated_at),
  }));
  const file = path.join(dir, 'demo-history.json');
  fs.writeFileSync(file, JSON.stringify(history));
  return file;
}

/** A guest session token, as the sign-in page would get it. */
export async function guestToken(baseUrl) {
  const res = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!res.ok) throw new Error(`guest sign-in failed: HTTP ${res.status}`);
  const body = await res.json();
  return body.backstageIdentity.token;
}

/**
 * Launches Debian's Chromium (or CHROMIUM_PATH) headless, with the flags a
 * machine without a sandbox, a GPU or a network needs.
 */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Opens `urlPath` of the portal in a new browser context and signs in as a
 * guest there, so that a test starts from its own page state and can run
 * alone. `permissions` are granted to the portal's origin (e.g.
 * `clipboard-read`). Close the returned context when done.
 */
export async function openSignedIn(
  browser,
  baseUrl,
  urlPath,
  { permissions = [], timeout = 180_000 } = {},
) {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
  });
  if (permissions.length > 0) {
    await context.grantPermissions(permissions, { origin: baseUrl });
  }
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  await page.goto(`${baseUrl}${urlPath}`);
  await signIn(page);
  return { context, page };
}

/**
 * Signs in as the guest on the sign-in page `page` shows, and waits until the
 * sign-in page is gone: the identity is stored only then, so a navigation
 * started earlier lands on the sign-in page again.
 */
export async function signIn(page) {
  const enter = page.getByRole('button', { name: 'Enter' });
  await enter.click();
  await enter.waitFor({ state: 'detached' });
}

/**
 * Calls `attempt` until it returns something other than undefined, at most
 * until `timeoutMs` has passed; then fails with `what` and the last reason
 * `attempt` gave (a thrown error's message).
 */
export async function pollUntil(what, timeoutMs, attempt, intervalMs = 1000) {
  const deadline = Date.now() + timeoutMs;
  let last = 'never tried';
  for (;;) {
    try {
      const result = await attempt();
      if (result !== undefined) return result;
      last = 'not yet';
    } catch (e) {
      last = e.message;
    }
    if (Date.now() >= deadline) {
      throw new Error(`${what}: not reached within ${timeoutMs} ms (${last})`);
    }
    await new Promise(resolve => setTimeout(resolve, intervalMs));
  }
}
