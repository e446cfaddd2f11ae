import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Option } from 'commander';
import { InputError } from '@backstage/errors';
import {
  TeamInsightsCheck,
  validateCustomChecks,
} from '@team-insights/plugin-team-insights-common';
import { CommandContext } from '../io';
import { isObject } from '../util';

/** Options of the commands that run custom checks. */
export interface CheckModuleOptions {
  /** `--checks MODULE`, repeatable. */
  checks?: string[];
}

/** `--checks MODULE`, repeatable. */
export function checksOption(): Option {
  return new Option(
    '--checks <module>',
    'load custom checks from this JavaScript module (repeatable); it runs code, so name only modules you trust',
  ).argParser((value: string, previous: string[] | undefined) => [
    ...(previous ?? []),
    value,
  ]);
}

function looksLikeCheck(value: unknown): value is TeamInsightsCheck {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.evaluate === 'function'
  );
}

/**
 * The checks a module exports: its `checks` export (an array of checks),
 * else every export (the default one included) that is a check or an array
 * of checks. Other exports, such as a backend module as the default export,
 * are left alone, so one package can serve the backend and the CLI.
 */
export function checksOf(exported: unknown): TeamInsightsCheck[] | undefined {
  if (Array.isArray(exported)) {
    const listed = exported.filter(looksLikeCheck);
    return listed.length ? listed : undefined;
  }
  if (!isObject(exported) && typeof exported !== 'function') {
    return undefined;
  }
  const ns = exported as Record<string, unknown>;
  if (Array.isArray(ns.checks)) {
    return ns.checks as TeamInsightsCheck[];
  }
  if (looksLikeCheck(exported)) {
    return [exported];
  }
  const found: TeamInsightsCheck[] = [];
  const seen = new Set<unknown>();
  const add = (value: unknown) => {
    if (looksLikeCheck(value) && !seen.has(value)) {
      seen.add(value);
      found.push(value);
    }
  };
  for (const value of Object.values(ns)) {
    if (Array.isArray(value)) value.forEach(add);
    else add(value);
  }
  // A CommonJS module's exports as the default export of an ES module.
  const fallback = ns.default;
  if (isObject(fallback) && fallback !== exported && !found.length) {
    checksOf(fallback)?.forEach(add);
  }
  return found.length ? found : undefined;
}

function loadModule(file: string, spec: string): unknown {
  // Node's require loads CommonJS and (from Node 22.12) ES modules alike;
  // under the repository's TypeScript transform it loads .ts files too.
  const load = createRequire(path.join(path.dirname(file), 'noop.js'));
  try {
    return load(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_REQUIRE_ASYNC_MODULE') {
      throw new InputError(
        `checks module '${spec}' uses top-level await, which cannot be loaded here; export the checks without awaiting at the top level`,
      );
    }
    throw new InputError(
      `checks module '${spec}' failed to load: ${
        (error as Error)?.message ?? String(error)
      }`,
    );
  }
}

/**
 * Loads the custom checks of `--checks` modules, resolved against the
 * current folder. Each must export at least one check; together they must
 * be valid as the backend's extension point requires (unique `scorecard.name`
 * ids, known scorecards, weights ≥ 0, a title and an evaluate function).
 *
 * @throws InputError naming the module for a missing or unloadable module,
 *   one that exports no checks, and invalid checks.
 */
export function loadCheckModules(
  specs: readonly string[] | undefined,
  ctx: CommandContext,
): TeamInsightsCheck[] {
  const all: TeamInsightsCheck[] = [];
  for (const spec of specs ?? []) {
    const file = path.resolve(ctx.cwd, spec);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      throw new InputError(
        `checks module '${spec}' not found (looked for ${file}); give the path of a JavaScript file, relative to the current folder`,
      );
    }
    const checks = checksOf(loadModule(file, spec));
    if (!checks) {
      throw new InputError(
        `checks module '${spec}' exports no Team Insights checks; export \`checks\` (an array) or check objects with id, scorecard, title, description, weight and evaluate`,
      );
    }
    const problems = validateCustomChecks([...all, ...checks]);
    if (problems.length) {
      throw new InputError(`checks module '${spec}': ${problems.join('; ')}`);
    }
    all.push(...checks);
  }
  return all;
}
