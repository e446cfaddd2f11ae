import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { parseAllDocuments, stringify } from 'yaml';

/** The kind of entity the replicas' permission policy hides from users. */
export const HIDDEN_KIND = 'Resource';

/** Where Redis is, from the variable Backstage's test utilities read. */
export const REDIS_URL =
  process.env.BACKSTAGE_TEST_CACHE_REDIS7_CONNECTION_STRING ??
  'redis://127.0.0.1:6379';

/**
 * Whether a TCP server answers at the host and port of each URL, checked
 * synchronously (jest decides at collection time whether to skip a block).
 * Returns why not, or undefined when all answer.
 */
export function unreachable(urls: string[]): string | undefined {
  const targets = urls.map(url => {
    const { protocol, hostname, port } = new URL(url);
    const defaultPort = protocol.startsWith('redis') ? 6379 : 5432;
    const target = { host: hostname, port: Number(port || defaultPort) };
    // no credentials in messages
    return { ...target, name: `${protocol}//${target.host}:${target.port}` };
  });
  const script = `
    const net = require('node:net');
    const targets = ${JSON.stringify(targets)};
    Promise.all(targets.map(t => new Promise(resolve => {
      const socket = net.connect({ host: t.host, port: t.port });
      socket.setTimeout(2000);
      const done = ok => { socket.destroy(); resolve(ok ? undefined : t.name); };
      socket.once('connect', () => done(true));
      socket.once('timeout', () => done(false));
      socket.once('error', () => done(false));
    }))).then(failed => {
      process.stdout.write(JSON.stringify(failed.filter(Boolean)));
    });
  `;
  const result = spawnSync(process.execPath, ['-e', script], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  const names = targets.map(t => t.name).join(' and ');
  let failed: string[];
  try {
    failed = JSON.parse(result.stdout);
  } catch {
    return `could not check whether ${names} answer`;
  }
  return failed.length > 0
    ? `nothing answers at ${failed.join(' and ')}`
    : undefined;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** Options of {@link replicaConfig}. */
export interface ReplicaConfigOptions {
  port: number;
  /** The shared database, with `pluginDivisionMode: schema`. */
  database: {
    host: string;
    port: number;
    user: string;
    password?: string;
    database: string;
  };
  redisUrl: string;
  /** Prefix of every key the replicas write to Redis. */
  redisNamespace: string;
  /** Static token for `backend.auth.externalAccess`. */
  token: string;
  /** The catalog location both replicas register. */
  catalogLocation: string;
  /** See replicaBackend.ts. */
  holdFile: string;
  /** The `teamInsights` section. */
  teamInsights: Record<string, unknown>;
}

/** The app-config of one replica, as YAML. */
export function replicaConfig(options: ReplicaConfigOptions): string {
  return stringify({
    app: { baseUrl: 'http://127.0.0.1:3000' },
    backend: {
      baseUrl: `http://127.0.0.1:${options.port}`,
      listen: { host: '127.0.0.1', port: options.port },
      database: {
        client: 'pg',
        connection: options.database,
        pluginDivisionMode: 'schema',
      },
      cache: {
        store: 'redis',
        connection: options.redisUrl,
        redis: { client: { namespace: options.redisNamespace } },
      },
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: { token: options.token, subject: 'replica-test' },
          },
        ],
      },
    },
    auth: {
      environment: 'development',
      providers: { guest: { dangerouslyAllowOutsideDevelopment: true } },
    },
    permission: { enabled: true },
    catalog: {
      rules: [
        {
          allow: [
            'Component',
            'System',
            'API',
            'Resource',
            'Location',
            'Domain',
            'Group',
            'User',
          ],
        },
      ],
      locations: [{ type: 'file', target: options.catalogLocation }],
    },
    teamInsights: options.teamInsights,
    replicaTest: { holdCatalogReadsWhileExists: options.holdFile },
  });
}

/** One line of a replica's log (JSON in production mode). */
export interface LogLine {
  level?: string;
  plugin?: string;
  message: string;
}

/**
 * A backend replica in a child process (src/__testUtils__/replicaBackend.ts),
 * with its log lines as they arrive and HTTP helpers.
 */
export class Replica {
  readonly name: string;
  readonly baseUrl: string;
  readonly lines: LogLine[] = [];
  readonly #child: ChildProcess;
  readonly #exited: Promise<void>;
  #hasExited = false;

  private constructor(name: string, port: number, child: ChildProcess) {
    this.name = name;
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.#child = child;
    this.#exited = new Promise(resolve =>
      child.once('exit', () => {
        this.#hasExited = true;
        resolve();
      }),
    );
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const part of parts) {
        if (part.trim()) this.#addLine(part);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  }

  #addLine(raw: string) {
    let line: LogLine = { message: raw };
    try {
      const json = JSON.parse(raw);
      if (json && typeof json.message === 'string') {
        line = {
          level: json.level,
          plugin: json.plugin,
          message: json.message,
        };
      }
    } catch {
      // not JSON: a line the backend did not log through its logger
    }
    this.lines.push(line);
  }

  /**
   * Runs the replica script with a config file. With `startOnMessage`, the
   * replica loads its code and starts when {@link Replica.startNow} is
   * called.
   */
  static start(options: {
    name: string;
    port: number;
    configFile: string;
    packageDir: string;
    startOnMessage?: boolean;
  }): Replica {
    const child = spawn(
      process.execPath,
      [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        path.join(options.packageDir, 'src/__testUtils__/replicaBackend.ts'),
        '--config',
        options.configFile,
      ],
      {
        cwd: options.packageDir,
        // Production mode: JSON logs, and the scheduler's janitor runs (it
        // does not under NODE_ENV=test).
        env: {
          ...process.env,
          NODE_ENV: 'production',
          LOG_LEVEL: 'info',
          REPLICA_START_ON_MESSAGE: options.startOnMessage ? '1' : '',
        },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      },
    );
    return new Replica(options.name, options.port, child);
  }

  /** Lets a replica started with `startOnMessage` start. */
  startNow(): void {
    this.#child.send('start');
  }

  get running(): boolean {
    return !this.#hasExited;
  }

  /** Kills the process with a signal and waits until it has exited. */
  async kill(signal: NodeJS.Signals): Promise<void> {
    if (this.#hasExited) return;
    this.#child.kill(signal);
    await this.#exited;
  }

  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.#hasExited) return;
    this.#child.kill('SIGTERM');
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), graceMs);
    await this.#exited;
    clearTimeout(timer);
  }

  /** The log lines after position `since`. */
  linesSince(since: number): LogLine[] {
    return this.lines.slice(since);
  }

  /** Waits for a log line after `since` that `match` accepts. */
  async waitForLine(
    match: (line: LogLine) => boolean,
    options: { since?: number; timeoutMs: number; what: string },
  ): Promise<LogLine> {
    const deadline = Date.now() + options.timeoutMs;
    for (;;) {
      const found = this.linesSince(options.since ?? 0).find(match);
      if (found) return found;
      if (this.#hasExited) {
        throw new Error(
          `replica ${this.name} exited while waiting for ${options.what}`,
        );
      }
      if (Date.now() > deadline) {
        throw new Error(
          `replica ${this.name}: timed out waiting for ${options.what}`,
        );
      }
      await sleep(100);
    }
  }

  /** Waits until the backend says it is ready. */
  async waitUntilReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.#hasExited) {
        throw new Error(
          `replica ${this.name} exited during start-up:\n${this.lines
            .slice(-30)
            .map(l => l.message)
            .join('\n')}`,
        );
      }
      try {
        const response = await fetch(
          `${this.baseUrl}/.backstage/health/v1/readiness`,
        );
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        throw new Error(`replica ${this.name} did not become ready in time`);
      }
      await sleep(250);
    }
  }

  /** GET with a bearer token; the status and the parsed JSON body. */
  async get<T = any>(
    urlPath: string,
    token: string,
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.baseUrl}${urlPath}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: response.status, body: body as T };
  }

  /** Signs in with the guest provider; returns the user's token. */
  async signInAsGuest(): Promise<string> {
    const response = await fetch(
      `${this.baseUrl}/api/auth/guest/refresh?env=development`,
      { headers: { 'x-requested-with': 'XMLHttpRequest' } },
    );
    if (!response.ok) {
      throw new Error(`guest sign-in answered ${response.status}`);
    }
    const body = (await response.json()) as {
      backstageIdentity: { token: string };
    };
    return body.backstageIdentity.token;
  }
}

/** Polls `probe` until it returns a value other than undefined. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  options: { timeoutMs: number; intervalMs?: number },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(options.intervalMs ?? 250);
  }
}

/** Writes a file into `dir` and returns its path. */
export function writeFile(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

/** The refs (lower case) of every entity in the catalog YAML under `dir`. */
export function entityRefsUnder(dir: string): string[] {
  const refs: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (/\.ya?ml$/.test(entry.name)) {
        for (const doc of parseAllDocuments(fs.readFileSync(full, 'utf8'))) {
          const entity = doc.toJS() as Entity | null;
          if (entity?.apiVersion && entity.kind && entity.metadata?.name) {
            refs.push(stringifyEntityRef(entity).toLocaleLowerCase('en-US'));
          }
        }
      }
    }
  };
  walk(dir);
  return refs;
}
