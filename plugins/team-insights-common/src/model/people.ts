import type { SkillsAnnotation } from '../parsers';
import type { SkillHolding } from '../types';
import { compareStrings } from '../util';
import type { Person } from './teamInfo';

/**
 * A team's people: each User member with the skills they declare, then one
 * person for each head count, cluster by cluster; and the members who
 * declare skills, and the number of head counts.
 */
export function peopleOf(
  members: string[],
  skillsOf: (member: string) => SkillsAnnotation,
  headCounts: Record<string, number>,
): { people: Person[]; membersDeclaringSkills: string[]; headCount: number } {
  const people: Person[] = [];
  const membersDeclaringSkills: string[] = [];
  for (const member of members) {
    const skills = skillsOf(member);
    if (skills.declared) membersDeclaringSkills.push(member);
    people.push({
      ref: member,
      clusters: skills.clusters,
      primary: skills.primary,
    });
  }
  let headCount = 0;
  for (const cluster of Object.keys(headCounts).sort(compareStrings)) {
    const count = headCounts[cluster];
    headCount += count;
    for (let i = 0; i < count; i++) {
      people.push({ clusters: [cluster], primary: cluster });
    }
  }
  return { people, membersDeclaringSkills, headCount };
}

/**
 * How many of `people` hold each cluster, and for how many it is the
 * primary one, by cluster.
 */
export function skillHoldings(people: Person[]): SkillHolding[] {
  const holdings = new Map<string, SkillHolding>();
  for (const person of people) {
    for (const cluster of person.clusters) {
      let holding = holdings.get(cluster);
      if (!holding) {
        holding = { cluster, people: 0, primary: 0 };
        holdings.set(cluster, holding);
      }
      holding.people += 1;
      if (person.primary === cluster) holding.primary += 1;
    }
  }
  return Array.from(holdings.values()).sort((x, y) =>
    compareStrings(x.cluster, y.cluster),
  );
}
