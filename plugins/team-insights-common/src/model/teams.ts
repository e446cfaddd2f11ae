/** Builds the teams and org units of the model from the Groups. */
import type { TeamType } from '../types';
import { isTeamSpec } from '../lint/kinds';
import { sortedUnique } from '../util';
import { titleOf } from './entities';
import { listOf } from './indexes';
import { ancestorsOf, CatalogIndexes, userMembersOf } from './lookups';
import { peopleOf, skillHoldings } from './people';
import type { TeamInfo } from './teamInfo';

/**
 * The teams by ref (Groups with a team type, or of `spec.type: team`) and
 * the other Groups, the org units, in the catalog's (sorted) order.
 */
export function buildTeams(catalog: CatalogIndexes): {
  teamsByRef: Map<string, TeamInfo>;
  orgUnitRefs: string[];
} {
  const { entities, annotations, relations, config } = catalog;
  const teamsByRef = new Map<string, TeamInfo>();
  const orgUnitRefs: string[] = [];
  const teamTypes = new Map<string, TeamType>();
  const declared = new Set<string>();
  for (const [ref, a] of annotations) {
    if (a.kind !== 'group') continue;
    if (a.teamType) {
      teamTypes.set(ref, a.teamType);
      declared.add(ref);
    } else if (isTeamSpec(entities.get(ref)!)) {
      teamTypes.set(ref, 'feature');
    } else {
      orgUnitRefs.push(ref);
    }
  }
  for (const [ref, teamType] of teamTypes) {
    const entity = entities.get(ref)!;
    const own = annotations.get(ref)!;
    const members = userMembersOf(relations, annotations, ref);
    const headCounts = own.skills.headCounts;
    const { people, membersDeclaringSkills, headCount } = peopleOf(
      members,
      member => annotations.get(member)!.skills,
      headCounts,
    );
    const owned = listOf(relations.owns, ref).slice();
    const dependsOn = new Set<string>();
    for (const o of owned) {
      for (const d of relations.deps.get(o) ?? []) dependsOn.add(d);
    }
    const parents = listOf(relations.parents, ref);
    teamsByRef.set(ref, {
      entityRef: ref,
      entity,
      title: titleOf(entity),
      teamType,
      teamTypeDeclared: declared.has(ref),
      members,
      headCounts: { ...headCounts },
      size: members.length + headCount,
      skills: skillHoldings(people),
      requiredSkills: sortedUnique(
        own.requiredSkills ?? config.teamTypes[teamType].requiredSkills,
      ),
      owned,
      dependsOn: sortedUnique(dependsOn),
      parent: parents[0],
      orgUnits: [],
      declinedProducts: [],
      annotations: own,
      people,
      membersDeclaringSkills,
    });
  }
  // ancestors, nearest first; cycles in the catalog are tolerated
  for (const team of teamsByRef.values()) {
    team.orgUnits = ancestorsOf(relations, team.entityRef).filter(
      r => !teamsByRef.has(r) && annotations.get(r)?.kind === 'group',
    );
  }
  return { teamsByRef, orgUnitRefs };
}
