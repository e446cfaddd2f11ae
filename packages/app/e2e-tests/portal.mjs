// Starts the real portal from this repository for the browser test: the
// backend (with the demo organisation on a throw-away SQLite directory)
// serving the built frontend, on 127.0.0.1 only.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');

/** Builds packages/app unless a build newer than its sources exists. */
export function buildApp() {
  const dist = path.join(repoRoot, 'packages/app/dist/index.html');
  if (fs.existsSync(dist) && !process.env.E2E_REBUILD) return;
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
 * Starts the backend on a free port and resolves once it is ready and Team
 * Insights has evaluated the demo organisation.
 */
export async function startPortal({ port = 7077 } = {}) {
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'team-insights-e2e-'));
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
