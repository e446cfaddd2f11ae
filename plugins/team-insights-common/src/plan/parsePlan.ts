import { InputError } from '@backstage/errors';
import { parseTeamType } from '../parsers';
import { isPrototypeKey } from '../util';
import { Plan, PLAN_CHANGE_KINDS, PlanChange, PlanChangeKind } from './types';

/** Most changes one plan may hold. */
export const MAX_PLAN_CHANGES = 500;
const MAX_TEXT = 300;
const MAX_LIST = 1000;

type Fields = Record<string, unknown>;

class ChangeReader {
  constructor(readonly label: string, readonly fields: Fields) {}

  fail(problem: string): never {
    throw new InputError(`${this.label}: ${problem}`);
  }

  text(key: string, optional: true): string | undefined;
  text(key: string): string;
  text(key: string, optional = false): string | undefined {
    const value = this.fields[key];
    if (value === undefined && optional) return undefined;
    if (typeof value !== 'string' || !value.trim()) {
      return this.fail(`'${key}' must be a non-empty string`);
    }
    if (value.length > MAX_TEXT) {
      return this.fail(`'${key}' is longer than ${MAX_TEXT} characters`);
    }
    return value.trim();
  }

  /** A string that may be empty (an empty declaration removes it). */
  declaration(key: string): string {
    const value = this.fields[key];
    if (typeof value !== 'string' || value.length > MAX_TEXT) {
      return this.fail(
        `'${key}' must be a string of at most ${MAX_TEXT} characters`,
      );
    }
    return value.trim();
  }

  names(key: string, optional: true): string[] | undefined;
  names(key: string): string[];
  names(key: string, optional = false): string[] | undefined {
    const value = this.fields[key];
    if (value === undefined && optional) return undefined;
    if (!Array.isArray(value) || value.length > MAX_LIST) {
      return this.fail(
        `'${key}' must be a list of at most ${MAX_LIST} names or refs`,
      );
    }
    return value.map((item, index) => {
      if (typeof item !== 'string' || !item.trim() || item.length > MAX_TEXT) {
        return this.fail(`'${key}[${index}]' must be a name or an entity ref`);
      }
      return item.trim();
    });
  }

  teamType(key: string) {
    const raw = this.text(key);
    const parsed = parseTeamType(raw);
    if (parsed.value === undefined) {
      return this.fail(
        `'${raw}' is not a team type; use feature, centralized or expertise`,
      );
    }
    return parsed.value;
  }

  only(keys: string[]) {
    for (const key of Object.keys(this.fields)) {
      if (!keys.includes(key)) {
        this.fail(`unknown field '${key}'; expected ${keys.join(', ')}`);
      }
    }
  }
}

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readChange(kind: PlanChangeKind, r: ChangeReader): PlanChange {
  switch (kind) {
    case 'move':
      r.only(['user', 'from', 'to']);
      return {
        move: { user: r.text('user'), from: r.text('from'), to: r.text('to') },
      };
    case 'skills':
      r.only(['user', 'skills']);
      return {
        skills: { user: r.text('user'), skills: r.declaration('skills') },
      };
    case 'headcount':
      r.only(['team', 'skills']);
      return {
        headcount: { team: r.text('team'), skills: r.declaration('skills') },
      };
    case 'teamType':
      r.only(['team', 'type']);
      return { teamType: { team: r.text('team'), type: r.teamType('type') } };
    case 'split': {
      r.only(['team', 'into']);
      const into = r.fields.into;
      if (!Array.isArray(into) || into.length < 2 || into.length > 20) {
        return r.fail("'into' must list 2 to 20 new teams");
      }
      return {
        split: {
          team: r.text('team'),
          into: into.map((part, index) => {
            if (!isObject(part)) {
              return r.fail(`'into[${index}]' must be { name, members }`);
            }
            const p = new ChangeReader(`${r.label} into[${index}]`, part);
            p.only(['name', 'members', 'owns']);
            const owns = p.names('owns', true);
            return {
              name: p.text('name'),
              members: p.names('members'),
              ...(owns ? { owns } : {}),
            };
          }),
        },
      };
    }
    case 'merge': {
      r.only(['teams', 'into']);
      const teams = r.names('teams');
      if (teams.length < 2) r.fail("'teams' must list at least two teams");
      return { merge: { teams, into: r.text('into') } };
    }
    case 'createTeam': {
      r.only(['name', 'type', 'parent', 'members', 'owns']);
      const parent = r.text('parent', true);
      const members = r.names('members', true);
      const owns = r.names('owns', true);
      return {
        createTeam: {
          name: r.text('name'),
          type: r.teamType('type'),
          ...(parent ? { parent } : {}),
          ...(members ? { members } : {}),
          ...(owns ? { owns } : {}),
        },
      };
    }
    case 'adopt':
      r.only(['team', 'product']);
      return { adopt: { team: r.text('team'), product: r.text('product') } };
    case 'decline': {
      r.only(['team', 'product', 'reason']);
      const reason = r.text('reason', true);
      if (reason !== undefined && /[,;]/.test(reason)) {
        r.fail("'reason' may not contain ',' or ';' (they separate the list)");
      }
      return {
        decline: {
          team: r.text('team'),
          product: r.text('product'),
          ...(reason ? { reason } : {}),
        },
      };
    }
    default:
      return r.fail(`unknown change '${kind}'`);
  }
}

/**
 * Validates a plan document (parsed YAML or JSON): `{ changes: [...] }`, each
 * change an object with exactly one of the keys of {@link PLAN_CHANGE_KINDS}.
 *
 * @throws InputError naming the change's index and what is wrong.
 * @public
 */
export function parsePlan(document: unknown): Plan {
  if (!isObject(document) || !Array.isArray(document.changes)) {
    throw new InputError(
      "a plan is an object with a 'changes' list, e.g. changes: [{ move: { user: ivo, from: churn-prediction, to: demand-forecasting } }]",
    );
  }
  if (document.changes.length > MAX_PLAN_CHANGES) {
    throw new InputError(
      `a plan holds at most ${MAX_PLAN_CHANGES} changes; this one has ${document.changes.length}`,
    );
  }
  const changes = document.changes.map((change, index) => {
    const keys = isObject(change) ? Object.keys(change) : [];
    if (keys.length !== 1 || isPrototypeKey(keys[0])) {
      throw new InputError(
        `changes[${index}]: must be an object with one of ${PLAN_CHANGE_KINDS.join(
          ', ',
        )}`,
      );
    }
    const kind = keys[0];
    if (!(PLAN_CHANGE_KINDS as readonly string[]).includes(kind)) {
      throw new InputError(
        `changes[${index}]: unknown change '${kind}'; use one of ${PLAN_CHANGE_KINDS.join(
          ', ',
        )}`,
      );
    }
    const fields = (change as Fields)[kind];
    if (!isObject(fields)) {
      throw new InputError(`changes[${index}] (${kind}): must be an object`);
    }
    return readChange(
      kind as PlanChangeKind,
      new ChangeReader(`changes[${index}] (${kind})`, fields),
    );
  });
  return { changes };
}
