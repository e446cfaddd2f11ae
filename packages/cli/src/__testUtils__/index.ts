import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../main';

/** A temporary folder for one test file, removed after its tests. */
export interface TempDir {
  /** Absolute path of the folder (valid inside tests and hooks). */
  readonly path: string;
  /** Writes files (paths relative to the folder); returns absolute paths. */
  write(files: Record<string, string>): string[];
  resolve(...parts: string[]): string;
}

/** Creates a temporary folder before the tests and removes it after. */
export function useTempDir(): TempDir {
  let root = '';
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'team-insights-cli-'));
  });
  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });
  return {
    get path() {
      return root;
    },
    write(files) {
      return Object.entries(files).map(([name, content]) => {
        const full = path.join(root, name);
        fs.mkdirSync(path.dirname(full), { recursive: true });
        fs.writeFileSync(full, content);
        return full;
      });
    },
    resolve(...parts) {
      return path.join(root, ...parts);
    },
  };
}

/** The result of one in-process CLI run. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, capturing what it writes. */
export async function run(
  argv: string[],
  options: {
    cwd?: string;
    tty?: boolean;
    env?: Record<string, string | undefined>;
  },
): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd: options.cwd,
    env: options.env ?? {},
    stdout: {
      isTTY: options.tty ?? false,
      write: (chunk: string) => {
        stdout += chunk;
        return true;
      },
    },
    stderr: {
      write: (chunk: string) => {
        stderr += chunk;
        return true;
      },
    },
  });
  return { code, stdout, stderr };
}

/** A YAML document of an entity, for composing test files. */
export function yamlEntity(
  kind: string,
  name: string,
  options: {
    annotations?: Record<string, string>;
    spec?: Record<string, unknown>;
    title?: string;
    description?: string;
  } = {},
): string {
  const lines = [
    'apiVersion: backstage.io/v1alpha1',
    `kind: ${kind}`,
    'metadata:',
    `  name: ${name}`,
  ];
  if (options.title) {
    lines.push(`  title: ${options.title}`);
  }
  if (options.description) {
    lines.push(`  description: ${options.description}`);
  }
  if (options.annotations) {
    lines.push('  annotations:');
    for (const [key, value] of Object.entries(options.annotations)) {
      lines.push(`    ${key}: ${JSON.stringify(value)}`);
    }
  }
  lines.push(`spec: ${JSON.stringify(options.spec ?? {})}`);
  return `${lines.join('\n')}\n`;
}
