import { PlanChangeKind } from '@team-insights/plugin-team-insights-common';

const list = (value: string) =>
  value
    .split(',')
    .map(s => s.trim())
    .filter(Boolean);

/** `name: a, b` per line, as the parts of a split. */
function parts(value: string) {
  return value
    .split('\n')
    .map(line => line.trim())
    .filter(Boolean)
    .map(line => {
      const colon = line.indexOf(':');
      return colon < 0
        ? { name: line, members: [] }
        : {
            name: line.slice(0, colon).trim(),
            members: list(line.slice(colon + 1)),
          };
    });
}

/**
 * The change a filled-in form describes, in the shape of a change file entry
 * (validated afterwards by the same parser the CLI uses).
 */
export function changeOf(
  kind: PlanChangeKind,
  v: (key: string) => string,
): unknown {
  switch (kind) {
    case 'move':
      return { move: { user: v('user'), from: v('from'), to: v('to') } };
    case 'skills':
      return { skills: { user: v('user'), skills: v('skills') } };
    case 'headcount':
      return { headcount: { team: v('team'), skills: v('skills') } };
    case 'teamType':
      return { teamType: { team: v('team'), type: v('type') || 'feature' } };
    case 'split':
      return { split: { team: v('team'), into: parts(v('parts')) } };
    case 'merge':
      return { merge: { teams: list(v('teams')), into: v('into') } };
    case 'createTeam':
      return {
        createTeam: {
          name: v('name'),
          type: v('type') || 'feature',
          ...(v('parent') ? { parent: v('parent') } : {}),
          ...(list(v('members')).length ? { members: list(v('members')) } : {}),
          ...(list(v('owns')).length ? { owns: list(v('owns')) } : {}),
        },
      };
    case 'adopt':
      return { adopt: { team: v('team'), product: v('product') } };
    default:
      return {
        decline: {
          team: v('team'),
          product: v('product'),
          ...(v('reason') ? { reason: v('reason') } : {}),
        },
      };
  }
}
