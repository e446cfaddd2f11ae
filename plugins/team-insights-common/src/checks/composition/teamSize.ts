import type { TeamInsightsConfig } from '../../config';
import type { TeamInfo } from '../../model';
import type { CheckResult } from '../../types';
import { communicationPaths, plural } from '../../util';
import { builtIn } from '../helpers';
import { headCountsToDeclareYaml, membersYaml } from './snippets';

/** The built-in check `composition.team-size`. */
export function teamSize(
  team: TeamInfo,
  config: TeamInsightsConfig,
): CheckResult {
  const id = 'composition.team-size';
  const t = config.thresholds.teamSize;
  const n = team.size;
  const paths = communicationPaths(n);
  const composition = `${plural(n, 'person', 'people')} (${plural(
    team.members.length,
    'member',
    'members',
  )}, ${plural(n - team.members.length, 'head count', 'head counts')})`;
  const base = `${composition}: ${plural(
    paths,
    'communication path',
    'communication paths',
  )} (n(n-1)/2).`;
  if (n === 0) {
    return builtIn(
      config,
      id,
      'fail',
      `The team has no people: no User is a member and no head count is declared.`,
      [
        'Add the members to the Group (or set `spec.memberOf` on each User):',
        membersYaml(team),
        'or declare people who are not in the catalog as head counts:',
        headCountsToDeclareYaml(team),
      ].join('\n\n'),
    );
  }
  if (n >= t.minPass && n <= t.maxPass) {
    return builtIn(config, id, 'pass', base);
  }
  if (n < t.minPass) {
    return builtIn(
      config,
      id,
      'warn',
      `${base} A team of fewer than ${t.minPass} people has no one to take over when someone is away.`,
      [
        'Merge with a team working on the same value stream, or add people. If members are missing from the catalog, add them to `spec.members`:',
        membersYaml(team),
        'or, for people who are not in the catalog, as head counts:',
        headCountsToDeclareYaml(team),
      ].join('\n\n'),
    );
  }
  const half = Math.ceil(n / 2);
  const split = `Two teams of ${half} and ${n - half} people have ${
    communicationPaths(half) + communicationPaths(n - half)
  } communication paths between them, against ${paths} now.`;
  const remediation = `Each person added to a team adds more communication overhead than the previous one. Split the team into feature teams of at most ${t.maxPass}, each end-to-end responsible for a part of the value stream. ${split} Extract repeated cross-cutting work (monitoring, batch scheduling) to a centralized team's product rather than adding people.`;
  if (n <= t.maxWarn) {
    return builtIn(
      config,
      id,
      'warn',
      `${base} More than ${t.maxPass} people slows the team down.`,
      remediation,
    );
  }
  return builtIn(
    config,
    id,
    'fail',
    `${base} More than ${t.maxWarn} people: communication overhead dominates.`,
    remediation,
  );
}
