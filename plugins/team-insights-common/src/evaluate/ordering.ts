import { Finding } from '../types';

export function dedupeFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  const result: Finding[] = [];
  for (const f of findings) {
    const key = JSON.stringify([
      f.severity,
      f.entityRef,
      f.annotation ?? '',
      f.message,
    ]);
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(f);
  }
  return result;
}

export function orderKeys<T extends object>(value: T, keys: Array<keyof T>): T {
  const result = {} as T;
  for (const key of keys) {
    if (value[key] !== undefined) result[key] = value[key];
  }
  return result;
}
