import { OrganisationDraft, orgLocation, titleCase } from './draft';
import { DIVISION_WORDS, DOMAIN_WORDS } from './vocabulary';

/**
 * Adds the Groups that are not teams: the organisation, its divisions and
 * their tribes. Returns the names of the tribes, which teams belong to.
 */
export function addOrgUnits(
  draft: OrganisationDraft,
  divisionCount: number,
  tribeCount: number,
): string[] {
  const { random, push } = draft;
  push(
    'Group',
    'org',
    { title: 'Northwind Marketplace', description: 'The whole organisation.' },
    {
      type: 'organization',
      profile: { displayName: 'Northwind Marketplace' },
      children: [],
    },
    orgLocation('org.yaml'),
  );
  const divisions: string[] = [];
  for (let i = 0; i < divisionCount; i++) {
    const name = `${DIVISION_WORDS[i % DIVISION_WORDS.length]}-division-${
      i + 1
    }`;
    divisions.push(name);
    push(
      'Group',
      name,
      { title: titleCase(name) },
      {
        type: 'division',
        parent: 'org',
        profile: { displayName: titleCase(name) },
        children: [],
      },
      orgLocation('org.yaml'),
    );
  }
  const tribes: string[] = [];
  for (let i = 0; i < tribeCount; i++) {
    const name = `${random.pick(DOMAIN_WORDS)}-tribe-${i + 1}`;
    tribes.push(name);
    push(
      'Group',
      name,
      { title: titleCase(name) },
      {
        type: 'tribe',
        parent: divisions[i % divisionCount],
        profile: { displayName: titleCase(name) },
        children: [],
      },
      orgLocation(`tribes/${name}.yaml`),
    );
  }
  return tribes;
}
