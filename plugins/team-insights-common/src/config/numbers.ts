import type { Config } from '@backstage/config';
import type { ConfigProblems } from './problems';
import type { TeamInsightsLevels, TeamInsightsThresholds } from './types';

/** Dotted paths to the numbers of an object type, e.g. `teamSize.minPass`. */
type NumberPaths<T> = {
  [K in keyof T & string]: T[K] extends number
    ? K
    : `${K}.${NumberPaths<T[K]>}`;
}[keyof T & string];

/** A numeric key: its path, the values it accepts, and whether whole. */
interface NumberKey<P> {
  path: P;
  range: readonly [number, number];
  integer?: boolean;
}

type ThresholdPath = NumberPaths<TeamInsightsThresholds>;

/**
 * Every threshold, with the values it accepts. A new threshold is one line
 * here, its default in `defaults.ts` and its type in `types.ts`.
 */
const THRESHOLD_KEYS: readonly NumberKey<ThresholdPath>[] = [
  { path: 'teamSize.minPass', range: [1, 1000], integer: true },
  { path: 'teamSize.maxPass', range: [1, 100000], integer: true },
  { path: 'teamSize.maxWarn', range: [1, 100000], integer: true },
  { path: 'redundancyMinPeople', range: [1, 1000], integer: true },
  { path: 'crossFunctional.maxPrimaryShare', range: [0, 1] },
  { path: 'crossFunctional.minPeople', range: [1, 1000], integer: true },
  { path: 'handOvers.maxPass', range: [0, 100000], integer: true },
  { path: 'handOvers.maxWarn', range: [0, 100000], integer: true },
  { path: 'skillsDeclared.pass', range: [0, 1] },
  { path: 'skillsDeclared.warn', range: [0, 1] },
  { path: 'reach.pass', range: [0, 1] },
  { path: 'reach.warn', range: [0, 1] },
  { path: 'selfService.pass', range: [0, 100] },
  { path: 'selfService.warn', range: [0, 100] },
  { path: 'documentationPassRate.pass', range: [0, 1] },
  { path: 'documentationPassRate.warn', range: [0, 1] },
  { path: 'descriptionMinLength', range: [0, 4096], integer: true },
  { path: 'apiDefinitionMinLength', range: [0, 10000000], integer: true },
  { path: 'extractWhenEvidentDays', range: [0, 3650], integer: true },
  { path: 'prematureCentralizationDays', range: [0, 3650], integer: true },
];

/** Pairs of thresholds where the first may not exceed the second. */
const THRESHOLD_ORDER: readonly (readonly [ThresholdPath, ThresholdPath])[] = [
  ['teamSize.minPass', 'teamSize.maxPass'],
  ['teamSize.maxPass', 'teamSize.maxWarn'],
  ['handOvers.maxPass', 'handOvers.maxWarn'],
  ['skillsDeclared.warn', 'skillsDeclared.pass'],
  ['reach.warn', 'reach.pass'],
  ['selfService.warn', 'selfService.pass'],
  ['documentationPassRate.warn', 'documentationPassRate.pass'],
];

const LEVEL_KEYS: readonly NumberKey<keyof TeamInsightsLevels>[] = [
  { path: 'gold', range: [0, 100] },
  { path: 'silver', range: [0, 100] },
  { path: 'bronze', range: [0, 100] },
];

function getPath(source: object, path: string): number {
  return path
    .split('.')
    .reduce<any>((value, key) => value[key], source) as number;
}

function setPath(target: object, path: string, value: number) {
  const keys = path.split('.');
  const last = keys.pop()!;
  const parent = keys.reduce<any>((node, key) => node[key], target);
  parent[last] = value;
}

function readNumbers<T extends object>(
  problems: ConfigProblems,
  section: Config,
  prefix: string,
  keys: readonly NumberKey<string>[],
  defaults: T,
): T {
  const result = JSON.parse(JSON.stringify(defaults)) as T;
  for (const { path, range, integer } of keys) {
    setPath(
      result,
      path,
      problems.number(
        section,
        `${prefix}${path}`,
        getPath(defaults, path),
        range,
        integer ?? false,
      ),
    );
  }
  return result;
}

/** Reads `thresholds.*`, checking each range and the order of pairs. */
export function readThresholds(
  problems: ConfigProblems,
  section: Config,
  defaults: TeamInsightsThresholds,
): TeamInsightsThresholds {
  const thresholds = readNumbers(
    problems,
    section,
    'thresholds.',
    THRESHOLD_KEYS,
    defaults,
  );
  for (const [low, high] of THRESHOLD_ORDER) {
    if (getPath(thresholds, low) > getPath(thresholds, high)) {
      problems.add('thresholds', `expected ${low} ≤ ${high}`);
    }
  }
  return thresholds;
}

/** Reads `levels.*`, which must be ordered gold ≥ silver ≥ bronze. */
export function readLevels(
  problems: ConfigProblems,
  section: Config,
  defaults: TeamInsightsLevels,
): TeamInsightsLevels {
  const levels = readNumbers(
    problems,
    section,
    'levels.',
    LEVEL_KEYS,
    defaults,
  );
  if (!(levels.gold >= levels.silver && levels.silver >= levels.bronze)) {
    problems.add('levels', 'expected gold ≥ silver ≥ bronze');
  }
  return levels;
}
