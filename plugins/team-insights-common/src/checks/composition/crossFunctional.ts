import { ANNOTATION_TEAM_TYPE } from '../../annotations';
import type { TeamInsightsConfig } from '../../config';
import type { TeamInfo } from '../../model';
import type { CheckResult } from '../../types';
import { compareStrings, listNames, percent, plural } from '../../util';
import { annotationLines, builtIn, teamYaml } from '../helpers';

/** The built-in check `composition.cross-functional`. */
export function crossFunctional(
  team: TeamInfo,
  config: TeamInsightsConfig,
): CheckResult {
  const id = 'composition.cross-functional';
  if (team.teamType === 'centralized') {
    return builtIn(
      config,
      id,
      'not-applicable',
      'A centralized team is judged on the products it exposes, not on its mix of skills.',
    );
  }
  if (team.teamType === 'expertise') {
    return builtIn(
      config,
      id,
      'fail',
      'An expertise-oriented team groups people by skill, so work reaches users only through hand-overs to other teams: split ownership, loss of knowledge at each hand-over, longer lead time (each hand-over requires another team to refine and plan its part) and tight coupling between teams.',
      [
        'Reorganise into feature teams: each end-to-end responsible for a feature, with people from all disciplines. Declare the new team type:',
        teamYaml(team, {
          metadata: annotationLines(
            team.entity,
            { [ANNOTATION_TEAM_TYPE]: 'feature' },
            { [ANNOTATION_TEAM_TYPE]: 'was: expertise' },
          ),
        }),
        `If the team handles a cross-cutting concern for many teams, make it a centralized team that exposes a self-service product instead (\`${ANNOTATION_TEAM_TYPE}: centralized\`).`,
      ].join('\n\n'),
    );
  }
  const t = config.thresholds.crossFunctional;
  const counts = new Map<string, number>();
  let people = 0;
  for (const person of team.people) {
    if (!person.primary) continue;
    people += 1;
    counts.set(person.primary, (counts.get(person.primary) ?? 0) + 1);
  }
  if (people < t.minPeople) {
    return builtIn(
      config,
      id,
      'not-applicable',
      `Only ${plural(
        people,
        'person declares',
        'people declare',
      )} a primary cluster; at least ${t.minPeople} are needed to judge.`,
    );
  }
  let top = '';
  let topCount = 0;
  for (const cluster of Array.from(counts.keys()).sort(compareStrings)) {
    if (counts.get(cluster)! > topCount) {
      top = cluster;
      topCount = counts.get(cluster)!;
    }
  }
  const share = topCount / people;
  const mix = Array.from(counts.keys())
    .sort(compareStrings)
    .map(c => `${c} ${counts.get(c)}`);
  if (share > t.maxPrimaryShare) {
    return builtIn(
      config,
      id,
      'fail',
      `${topCount} of ${people} people (${percent(
        share,
      )}) have ${top} as their primary cluster, more than ${percent(
        t.maxPrimaryShare,
      )}: the team is organised around one expertise, which brings hand-overs and split ownership.`,
      `Make the team cross-functional: bring in people whose primary cluster is one of the team's missing disciplines (${
        listNames(
          team.requiredSkills.filter(c => c !== top),
          10,
        ) || 'other clusters'
      }), or move some ${top} people to teams that lack the skill.`,
      team.people.filter(p => p.ref && p.primary === top).map(p => p.ref!),
    );
  }
  return builtIn(
    config,
    id,
    'pass',
    `Primary clusters of ${people} people: ${listNames(
      mix,
      20,
    )}; the largest, ${top}, is ${percent(share)}.`,
  );
}
