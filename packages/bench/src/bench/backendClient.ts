import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A log line recorded inside the bench backend (see recordingLogger.ts). */
export interface BackendEvent {
  seq: number;
  at: number;
  plugin?: string;
  level: string;
  message: string;
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

/**
 * The bench backend running in a child process, and HTTP helpers to talk to
 * it. The child's output goes to a log file.
 */
export class BenchBackend {
  readonly baseUrl: string;
  private readonly child: ChildProcess;
  private exited = false;
  token?: string;

  private constructor(child: ChildProcess, port: number) {
    this.child = child;
    this.baseUrl = `http://127.0.0.1:${port}`;
    child.once('exit', () => {
      this.exited = true;
    });
  }

  /** The child's process id, for reading its memory from /proc. */
  get pid(): number {
    return this.child.pid!;
  }

  /** Starts `src/backend/index.ts` with the given config file. */
  static start(options: {
    packageDir: string;
    configFile: string;
    logFile: string;
    port: number;
    nodeArgs?: string[];
  }): BenchBackend {
    const log = fs.openSync(options.logFile, 'w');
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        ...(options.nodeArgs ?? []),
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        path.join(options.packageDir, 'src/backend/index.ts'),
        '--config',
        options.configFile,
      ],
      {
        cwd: options.packageDir,
        env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info' },
        stdio: ['ignore', log, log],
      },
    );
    fs.closeSync(log);
    return new BenchBackend(child, options.port);
  }

  /** Stops the child and waits for it to exit. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>(resolve =>
      this.child.once('exit', () => resolve()),
    );
    this.child.kill('SIGTERM');
    const timeout = sleep(15_000).then(() => {
      if (!this.exited) this.child.kill('SIGKILL');
    });
    await Promise.race([exited, timeout]);
  }

  private assertRunning() {
    if (this.exited) {
      throw new Error('the bench backend exited; see its log');
    }
  }

  /** A JSON request; throws with the body on a non-2xx status. */
  async request<T>(
    method: string,
    urlPath: string,
    options: { body?: unknown; auth?: boolean; okStatuses?: number[] } = {},
  ): Promise<{ status: number; body: T }> {
    this.assertRunning();
    const headers: Record<string, string> = {};
    if (options.auth !== false && this.token) {
      headers.authorization = `Bearer ${this.token}`;
    }
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${this.baseUrl}${urlPath}`, {
      method,
      headers,
      body:
        options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    const ok =
      response.ok || (options.okStatuses ?? []).includes(response.status);
    if (!ok) {
      throw new Error(
        `${method} ${urlPath} answered ${response.status}: ${text.slice(
          0,
          300,
        )}`,
      );
    }
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: response.status, body: body as T };
  }

  /** Waits until the backend answers its readiness endpoint. */
  async waitUntilReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.assertRunning();
      try {
        const response = await fetch(
          `${this.baseUrl}/.backstage/health/v1/readiness`,
        );
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        throw new Error('the bench backend did not become ready in time');
      }
      await sleep(500);
    }
  }

  /** Signs in as the guest user and keeps the token for later requests. */
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
    this.token = body.backstageIdentity.token;
    return this.token;
  }

  /** The newest event's sequence number. */
  async lastEventSeq(): Promise<number> {
    const { body } = await this.request<{ lastEventSeq: number }>(
      'GET',
      '/api/bench/v1/status',
    );
    return body.lastEventSeq;
  }

  /** Events after `since`. */
  async events(since: number): Promise<BackendEvent[]> {
    const { body } = await this.request<{ events: BackendEvent[] }>(
      'GET',
      `/api/bench/v1/events?since=${since}`,
    );
    return body.events;
  }

  /**
   * Waits for events after `since` until `done` says all are there; returns
   * them. Polls every 50 ms.
   */
  async waitForEvents(
    since: number,
    done: (events: BackendEvent[]) => boolean,
    timeoutMs: number,
    what: string,
  ): Promise<BackendEvent[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const events = await this.events(since);
      if (done(events)) return events;
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${what}`);
      }
      await sleep(50);
    }
  }

  /** Resident set size of the child, from /proc, in bytes. */
  rssFromProc(): number | undefined {
    try {
      const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const match = /VmRSS:\s+(\d+) kB/.exec(status);
      return match ? Number(match[1]) * 1024 : undefined;
    } catch {
      return undefined;
    }
  }
}
