import { parseEntityRef } from '@backstage/catalog-model';
import { LEVELS, SCORECARD_IDS, TEAM_TYPES } from '../types';
import type { Level, ScorecardId, TeamType } from '../types';
import type {
  Initiative,
  InitiativeProblem,
  InitiativeTarget,
  InitiativeTeams,
} from './types';

/** Most initiatives read; more are a mistake. */
const MAX_INITIATIVES = 200;
/** Most teams or checks one initiative lists. */
const MAX_ITEMS = 1000;
const ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

type Raw = Record<string, unknown>;

function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function day(value: unknown): string | undefined {
  if (value instanceof Date && !isNaN(value.getTime())) {
    return value.toISOString().slice(0, 10);
  }
  if (typeof value !== 'string' || !DAY.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return !isNaN(date.getTime()) && date.toISOString().startsWith(value)
    ? value
    : undefined;
}

function groupRef(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 300) return undefined;
  try {
    const ref = parseEntityRef(value, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
    if (ref.kind.toLowerCase() !== 'group') return undefined;
    return `group:${ref.namespace}/${ref.name}`.toLowerCase();
  } catch {
    return undefined;
  }
}

class Reader {
  readonly problems: InitiativeProblem[] = [];
  constructor(readonly path: string) {}
  problem(key: string, message: string): undefined {
    this.problems.push({ path: `${this.path}.${key}`, message });
    return undefined;
  }
}

function readTeams(r: Reader, raw: unknown): InitiativeTeams | undefined {
  if (!isObject(raw)) {
    return r.problem(
      'teams',
      'must be { orgUnit: group:…, teamTypes: [...] } or { refs: [group:…] }',
    );
  }
  if ('refs' in raw) {
    if ('orgUnit' in raw || 'teamTypes' in raw) {
      return r.problem('teams', 'give either refs or orgUnit, not both');
    }
    const refs = raw.refs;
    if (!Array.isArray(refs) || refs.length === 0 || refs.length > MAX_ITEMS) {
      return r.problem(
        'teams.refs',
        `must be a list of 1 to ${MAX_ITEMS} Group refs`,
      );
    }
    const out: string[] = [];
    for (let i = 0; i < refs.length; i++) {
      const ref = groupRef(refs[i]);
      if (!ref) {
        return r.problem(
          `teams.refs[${i}]`,
          `'${String(refs[i]).slice(0, 100)}' is not a Group ref`,
        );
      }
      if (!out.includes(ref)) out.push(ref);
    }
    return { refs: out.sort() };
  }
  const orgUnit = groupRef(raw.orgUnit);
  if (!orgUnit) {
    return r.problem(
      'teams.orgUnit',
      'must be the ref of a Group, e.g. group:default/ml-division (or give refs)',
    );
  }
  if (raw.teamTypes === undefined) return { orgUnit };
  const types = raw.teamTypes;
  if (!Array.isArray(types) || types.length === 0) {
    return r.problem(
      'teams.teamTypes',
      `must be a list of team types: ${TEAM_TYPES.join(', ')}`,
    );
  }
  const teamTypes: TeamType[] = [];
  for (let i = 0; i < types.length; i++) {
    const type = String(types[i]).toLowerCase();
    if (!TEAM_TYPES.includes(type as TeamType)) {
      return r.problem(
        `teams.teamTypes[${i}]`,
        `unknown team type '${String(types[i]).slice(
          0,
          100,
        )}'; use ${TEAM_TYPES.join(', ')}`,
      );
    }
    if (!teamTypes.includes(type as TeamType)) teamTypes.push(type as TeamType);
  }
  return { orgUnit, teamTypes };
}

function readTarget(r: Reader, raw: unknown): InitiativeTarget | undefined {
  if (!isObject(raw)) {
    return r.problem(
      'target',
      'must be { scorecard: composition, level: silver } or { checks: [check ids] }',
    );
  }
  if ('checks' in raw) {
    if ('scorecard' in raw || 'level' in raw) {
      return r.problem('target', 'give either checks or scorecard and level');
    }
    const checks = raw.checks;
    if (
      !Array.isArray(checks) ||
      checks.length === 0 ||
      checks.length > MAX_ITEMS
    ) {
      return r.problem('target.checks', 'must be a list of check ids');
    }
    const ids: string[] = [];
    for (let i = 0; i < checks.length; i++) {
      const id = checks[i];
      if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9.-]{0,99}$/i.test(id)) {
        return r.problem(
          `target.checks[${i}]`,
          'must be a check id such as composition.skill-coverage',
        );
      }
      if (!ids.includes(id.toLowerCase())) ids.push(id.toLowerCase());
    }
    return { checks: ids };
  }
  const scorecard = String(raw.scorecard ?? '').toLowerCase() as ScorecardId;
  if (!SCORECARD_IDS.includes(scorecard)) {
    return r.problem(
      'target.scorecard',
      `must be one of ${SCORECARD_IDS.join(', ')}`,
    );
  }
  const level = String(raw.level ?? '').toLowerCase() as Level;
  if (!LEVELS.includes(level) || level === 'none') {
    return r.problem('target.level', 'must be gold, silver or bronze');
  }
  return { scorecard, level: level as Exclude<Level, 'none'> };
}

function readOne(r: Reader, raw: unknown): Initiative | undefined {
  if (!isObject(raw)) {
    r.problems.push({ path: r.path, message: 'must be an object' });
    return undefined;
  }
  const before = r.problems.length;
  const id = typeof raw.id === 'string' ? raw.id : '';
  if (!ID.test(id)) {
    r.problem(
      'id',
      'must be a slug of lower-case letters, digits and dashes, up to 63 characters',
    );
  }
  const title = typeof raw.title === 'string' ? raw.title.trim() : '';
  if (!title || title.length > 200) {
    r.problem('title', 'must be a text of 1 to 200 characters');
  }
  let description: string | undefined;
  if (raw.description !== undefined) {
    if (typeof raw.description !== 'string' || raw.description.length > 5000) {
      r.problem('description', 'must be a text of up to 5000 characters');
    } else {
      description = raw.description.trim() || undefined;
    }
  }
  const teams = readTeams(r, raw.teams);
  const target = readTarget(r, raw.target);
  const start = day(raw.start);
  if (!start) r.problem('start', 'must be a date, YYYY-MM-DD');
  const deadline = day(raw.deadline);
  if (!deadline) r.problem('deadline', 'must be a date, YYYY-MM-DD');
  if (start && deadline && deadline < start) {
    r.problem('deadline', `must not be before the start (${start})`);
  }
  if (r.problems.length > before || !teams || !target) return undefined;
  return {
    id,
    title,
    ...(description ? { description } : {}),
    teams,
    target,
    start: start!,
    deadline: deadline!,
  };
}

/**
 * Reads `teamInsights.initiatives` (the raw list, as the configuration holds
 * it). An invalid initiative is left out and described, with its key path,
 * in `problems`; the valid ones are returned. Nothing throws.
 *
 * @param raw - the value at `path`.
 * @param path - its key path, for the problems.
 * @public
 */
export function readInitiatives(
  raw: unknown,
  path = 'teamInsights.initiatives',
): { initiatives: Initiative[]; problems: InitiativeProblem[] } {
  const problems: InitiativeProblem[] = [];
  const initiatives: Initiative[] = [];
  if (raw === undefined || raw === null) return { initiatives, problems };
  if (!Array.isArray(raw)) {
    problems.push({ path, message: 'must be a list of initiatives' });
    return { initiatives, problems };
  }
  if (raw.length > MAX_INITIATIVES) {
    problems.push({
      path,
      message: `holds ${raw.length} initiatives; only the first ${MAX_INITIATIVES} are read`,
    });
  }
  const seen = new Set<string>();
  raw.slice(0, MAX_INITIATIVES).forEach((item, i) => {
    const reader = new Reader(`${path}[${i}]`);
    const initiative = readOne(reader, item);
    problems.push(...reader.problems);
    if (!initiative) return;
    if (seen.has(initiative.id)) {
      problems.push({
        path: `${path}[${i}].id`,
        message: `'${initiative.id}' is already the id of an earlier initiative`,
      });
      return;
    }
    seen.add(initiative.id);
    initiatives.push(initiative);
  });
  return { initiatives, problems };
}
