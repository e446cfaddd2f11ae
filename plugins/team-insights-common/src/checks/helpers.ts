import { builtInCheck } from '../catalogue';
import { TeamInsightsConfig, weightOf } from '../config';
import type { CheckResult, CheckStatus } from '../types';
import { sortedUnique } from '../util';

/** A fenced YAML block for a remediation. */
export function yaml(snippet: string): string {
  return `\`\`\`yaml\n${snippet.replace(/\n+$/, '')}\n\`\`\``;
}

/** A snippet setting annotations in `metadata.annotations`. */
export function annotationsYaml(values: Record<string, string>): string {
  const lines = Object.keys(values).map(
    key => `    ${key}: ${yamlScalar(values[key])}`,
  );
  return yaml(`metadata:\n  annotations:\n${lines.join('\n')}`);
}

/** A YAML scalar: quoted when plain style would change its meaning. */
export function yamlScalar(value: string): string {
  if (
    /^(true|false|yes|no|on|off|null|~|[-+]?[0-9.]+)$/i.test(value) ||
    /^[\s\-?:,[\]{}#&*!|>'"%@`]|[:#]\s|\s$/.test(value) ||
    value === ''
  ) {
    return `'${value.replace(/'/g, "''")}'`;
  }
  return value;
}

/** pass at or above `pass`, warn at or above `warn`, else fail. */
export function grade(value: number, pass: number, warn: number): CheckStatus {
  if (value >= pass) return 'pass';
  if (value >= warn) return 'warn';
  return 'fail';
}

/** pass at or below `pass`, warn at or below `warn`, else fail. */
export function gradeAtMost(
  value: number,
  pass: number,
  warn: number,
): CheckStatus {
  if (value <= pass) return 'pass';
  if (value <= warn) return 'warn';
  return 'fail';
}

/** Builds the result of a built-in check. */
export function builtIn(
  config: TeamInsightsConfig,
  id: string,
  status: CheckStatus,
  message: string,
  remediation?: string,
  entities?: Iterable<string>,
): CheckResult {
  const info = builtInCheck(id);
  const result: CheckResult = {
    id,
    title: info.title,
    status,
    weight: weightOf(config, id, info.weight),
    message,
  };
  if (remediation && status !== 'pass' && status !== 'not-applicable') {
    result.remediation = remediation;
  }
  if (entities) {
    const list = sortedUnique(entities);
    if (list.length) result.entities = list;
  }
  return result;
}
