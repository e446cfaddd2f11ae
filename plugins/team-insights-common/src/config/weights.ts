import type { Config } from '@backstage/config';
import { compareStrings, isPrototypeKey } from '../util';
import type { ConfigProblems } from './problems';

/**
 * Reads `weights`: check ids to numbers from 0 to 1000. Check ids contain
 * dots, which config keys treat as nesting, so both
 * `composition.team-size: 2` and nested objects are accepted.
 */
export function readWeights(
  problems: ConfigProblems,
  section: Config,
): Record<string, number> {
  const weights: Record<string, number> = {};
  const rawWeights = problems.read('weights', () =>
    section.getOptional('weights'),
  );
  if (rawWeights !== undefined) {
    if (
      rawWeights === null ||
      typeof rawWeights !== 'object' ||
      Array.isArray(rawWeights)
    ) {
      problems.add(
        'weights',
        "must be an object of check ids to numbers, e.g. weights: { 'composition.team-size': 2 }",
      );
    } else {
      for (const key of Object.keys(rawWeights).sort(compareStrings)) {
        if (isPrototypeKey(key)) {
          problems.add(`weights.${key}`, 'not a check id');
          continue;
        }
        collectWeights(
          problems,
          (rawWeights as Record<string, unknown>)[key],
          key,
          weights,
        );
      }
    }
  }

  return weights;
}

function collectWeights(
  problems: ConfigProblems,
  value: unknown,
  path: string,
  out: Record<string, number>,
) {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0 || value > 1000) {
      problems.add(`weights.${path}`, 'must be a number from 0 to 1000');
    } else {
      out[path] = value;
    }
    return;
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const key of Object.keys(value).sort(compareStrings)) {
      if (isPrototypeKey(key)) {
        problems.add(`weights.${path}.${key}`, 'not a check id');
        continue;
      }
      collectWeights(
        problems,
        (value as Record<string, unknown>)[key],
        `${path}.${key}`,
        out,
      );
    }
    return;
  }
  problems.add(
    `weights.${path}`,
    "must be a number, e.g. weights: { 'composition.team-size': 2 }",
  );
}
