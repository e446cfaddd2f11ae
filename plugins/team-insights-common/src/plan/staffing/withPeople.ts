import { Person, TeamInfo } from '../../model';
import type { SkillHolding } from '../../types';
import { compareStrings } from '../../util';

/** The team with other people, its sizes, holdings and members to match. */
export function withPeople(
  team: TeamInfo,
  people: Person[],
  addHeadCounts: Record<string, number> = {},
): TeamInfo {
  const headCounts = { ...team.headCounts };
  for (const [cluster, count] of Object.entries(addHeadCounts)) {
    headCounts[cluster] = (headCounts[cluster] ?? 0) + count;
  }
  const members = people
    .filter(p => p.ref)
    .map(p => p.ref!)
    .sort(compareStrings);
  const holdings = new Map<string, SkillHolding>();
  for (const person of people) {
    for (const cluster of person.clusters) {
      const holding = holdings.get(cluster) ?? {
        cluster,
        people: 0,
        primary: 0,
      };
      holding.people += 1;
      if (person.primary === cluster) holding.primary += 1;
      holdings.set(cluster, holding);
    }
  }
  const declaring = new Set(team.membersDeclaringSkills);
  return {
    ...team,
    people,
    members,
    headCounts,
    size: people.length,
    skills: [...holdings.values()].sort((a, b) =>
      compareStrings(a.cluster, b.cluster),
    ),
    membersDeclaringSkills: members.filter(
      m =>
        declaring.has(m) || people.some(p => p.ref === m && p.clusters.length),
    ),
  };
}
