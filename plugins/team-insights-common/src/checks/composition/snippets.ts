import { ANNOTATION_SKILLS } from '../../annotations';
import type { TeamInfo } from '../../model';
import { annotationOf, compareStrings } from '../../util';
import {
  annotationLines,
  namespaceOf,
  placeholder,
  refIn,
  teamYaml,
  yamlScalar,
} from '../helpers';

function headCountValue(team: TeamInfo, add: string[]): string {
  const counts: Record<string, number> = { ...team.headCounts };
  for (const cluster of add) counts[cluster] = (counts[cluster] ?? 0) + 1;
  return Object.keys(counts)
    .sort(compareStrings)
    .map(c => `${c}=${counts[c]}`)
    .join(', ');
}

/**
 * The team's own catalog-info.yaml with one more head count for each
 * cluster in `add`, added to the counts it declares today.
 */
export function headCountsYaml(team: TeamInfo, add: string[]): string {
  const today = annotationOf(team.entity, ANNOTATION_SKILLS)?.trim();
  return teamYaml(team, {
    metadata: annotationLines(
      team.entity,
      { [ANNOTATION_SKILLS]: headCountValue(team, add) },
      today ? { [ANNOTATION_SKILLS]: `was: ${today}` } : {},
    ),
  });
}

/**
 * The team's own catalog-info.yaml with its members listed in
 * `spec.members` (current members first, as the Group would write them),
 * and a placeholder for the people still to add.
 */
export function membersYaml(team: TeamInfo): string {
  const namespace = namespaceOf(team.entity);
  const current = team.members.map(
    ref => `  - ${yamlScalar(refIn(ref, 'user', namespace))}`,
  );
  return teamYaml(team, {
    spec: [
      'members:',
      ...current,
      `  - ${placeholder(
        'member',
        current.length
          ? 'the User name of each person still missing'
          : 'the User name of each person in the team',
      )}`,
    ],
  });
}

/**
 * The team's own catalog-info.yaml with the head counts it declares today,
 * to raise by the people not in the catalog; a placeholder when it declares
 * none.
 */
export function headCountsToDeclareYaml(team: TeamInfo): string {
  const current = headCountValue(team, []);
  const example = `${team.requiredSkills[0] ?? 'data-engineer'}=1`;
  return teamYaml(team, {
    metadata: annotationLines(
      team.entity,
      { [ANNOTATION_SKILLS]: current || '<your-head-counts>' },
      {
        [ANNOTATION_SKILLS]: current
          ? 'today’s counts: add each person who is not in the catalog'
          : `placeholder: cluster=count for the people who are not in the catalog, e.g. ${example}`,
      },
    ),
  });
}
