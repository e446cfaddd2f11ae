import type { TeamInsightsConfig } from '../../config';
import type { TeamInfo } from '../../model';
import type { CheckResult, Finding } from '../../types';
import { listNames, plural, sortedUnique } from '../../util';
import { builtIn } from '../helpers';

/** The built-in check `composition.annotations-valid`. */
export function annotationsValid(
  team: TeamInfo,
  config: TeamInsightsConfig,
  findingsOf: (ref: string) => Finding[],
): CheckResult {
  const id = 'composition.annotations-valid';
  const refs = [team.entityRef, ...team.members];
  const errors = refs.flatMap(r =>
    findingsOf(r).filter(f => f.severity === 'error'),
  );
  if (errors.length === 0) {
    return builtIn(
      config,
      id,
      'pass',
      `No annotation errors on the team or its ${plural(
        team.members.length,
        'member',
        'members',
      )}.`,
    );
  }
  const where = sortedUnique(errors.map(e => e.entityRef));
  const first = errors
    .slice(0, 3)
    .map(e => `${e.entityRef}: ${e.message.split('\n')[0]}`);
  return builtIn(
    config,
    id,
    'fail',
    `${plural(
      errors.length,
      'annotation error',
      'annotation errors',
    )} on ${listNames(
      where,
      5,
    )}, so part of what they declare is ignored. ${first.join(' | ')}${
      errors.length > 3 ? ' | …' : ''
    }`,
    'Fix the findings: each says what is wrong and how to fix it. `team-insights lint` shows them with file and line before you commit.',
    where,
  );
}
