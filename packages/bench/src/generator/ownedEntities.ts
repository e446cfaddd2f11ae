import { Entity } from '@backstage/catalog-model';
import { addDays } from '@team-insights/plugin-team-insights-common';
import { gitUrl, OrganisationDraft, titleCase } from './draft';
import { ownedEntityFields } from './ownedFields';
import { weightedIndex } from './random';
import { TeamDraft, Teams } from './teams';
import {
  COMPONENT_NOUNS,
  DOMAIN_WORDS,
  RESOURCE_TYPES,
  TAGS,
} from './vocabulary';

/** How many of each kind of owned entity to add. */
export interface OwnedCounts {
  systems: number;
  apis: number;
  resources: number;
  components: number;
}

/** Draws the owner team of the next owned entity, as an index into the teams. */
type PickTeam = () => number;
type Fields = ReturnType<typeof ownedEntityFields>;

/** Systems: the first ones one per team, the rest to any team. */
function addSystems(
  draft: OrganisationDraft,
  systemCount: number,
  teams: TeamDraft[],
): void {
  const { random, push } = draft;
  for (let i = 0; i < systemCount; i++) {
    const team = teams[i < teams.length ? i : random.int(0, teams.length - 1)];
    const name = `${team.entity.metadata.name.replace(/-\d+$/, '')}-system-${
      i + 1
    }`;
    team.systems.push(name);
    push(
      'System',
      name,
      {
        title: titleCase(name.replace(/-\d+$/, '')),
        description: random.chance(0.7)
          ? `Everything ${titleCase(
              team.entity.metadata.name.replace(/-\d+$/, ''),
            )} runs to serve its users.`
          : undefined,
        tags: random.chance(0.5) ? [random.pick(TAGS)] : undefined,
        annotations: random.chance(0.4)
          ? { 'backstage.io/techdocs-ref': 'dir:.' }
          : {},
      },
      { owner: team.entity.metadata.name },
      `url:${gitUrl(`${team.entity.metadata.name}/${name}`)}`,
    );
  }
}

function addApis(
  draft: OrganisationDraft,
  apiCount: number,
  teams: TeamDraft[],
  pickOwnerTeam: PickTeam,
  fields: Fields,
): void {
  const { random, push } = draft;
  const {
    description,
    docsAnnotations,
    links,
    location,
    productAnnotations,
    systemOf,
    tags,
  } = fields;
  for (let i = 0; i < apiCount; i++) {
    const team = teams[pickOwnerTeam()];
    const name = `${random.pick(DOMAIN_WORDS)}-${random.pick([
      'api',
      'events',
      'grpc',
    ])}-${i + 1}`;
    const repo = `${team.entity.metadata.name}/${name}`;
    const annotations = docsAnnotations(repo);
    if (team.type === 'centralized') productAnnotations(team, annotations);
    const long = random.chance(0.8);
    const api = push(
      'API',
      name,
      {
        title: random.chance(0.3) ? titleCase(name) : undefined,
        description: description(
          `The ${titleCase(
            name,
          )} contract, versioned and backwards compatible.`,
        ),
        tags: tags(),
        links: links(repo),
        annotations,
      },
      {
        type: 'openapi',
        lifecycle: random.pick(['production', 'production', 'experimental']),
        owner: team.entity.metadata.name,
        system: systemOf(team),
        definition: long
          ? `openapi: 3.0.0\ninfo:\n  title: ${name}\n  version: 1.0.0\npaths:\n  /items:\n    get:\n      summary: List the items of ${name}\n      responses:\n        '200':\n          description: the items\n`
          : 'openapi: 3.0.0',
      },
      location(repo),
    );
    team.apis.push(api);
  }
}

function addResources(
  draft: OrganisationDraft,
  resourceCount: number,
  teams: TeamDraft[],
  pickOwnerTeam: PickTeam,
  fields: Fields,
): void {
  const { random, push } = draft;
  const {
    description,
    docsAnnotations,
    links,
    location,
    productAnnotations,
    systemOf,
    tags,
  } = fields;
  for (let i = 0; i < resourceCount; i++) {
    const team = teams[pickOwnerTeam()];
    const [type, suffix] = random.pick(RESOURCE_TYPES);
    const name = `${random.pick(DOMAIN_WORDS)}-${suffix}-${i + 1}`;
    const repo = `${team.entity.metadata.name}/${name}`;
    const annotations = docsAnnotations(repo);
    if (team.type === 'centralized') productAnnotations(team, annotations);
    const resource = push(
      'Resource',
      name,
      {
        description: description(
          `${titleCase(type)} holding the ${name.replace(/-\d+$/, '')} data.`,
        ),
        tags: tags(),
        links: links(repo),
        annotations,
      },
      {
        type,
        owner: team.entity.metadata.name,
        system: systemOf(team),
      },
      location(repo),
    );
    team.resources.push(resource);
  }
}

/** Components, a few with waivers, a missing owner or a person as owner. */
function addComponents(
  draft: OrganisationDraft,
  componentCount: number,
  teams: TeamDraft[],
  pickOwnerTeam: PickTeam,
  fields: Fields,
): Entity[] {
  const { random, push, mistake, dangling, referenceDate, entities } = draft;
  const {
    description,
    docsAnnotations,
    links,
    location,
    productAnnotations,
    systemOf,
    tags,
  } = fields;
  const allComponents: Entity[] = [];
  for (let i = 0; i < componentCount; i++) {
    const team = teams[pickOwnerTeam()];
    const name = `${random.pick(DOMAIN_WORDS)}-${random.pick(
      COMPONENT_NOUNS,
    )}-${i + 1}`;
    const repo = `${team.entity.metadata.name}/${name}`;
    const annotations = docsAnnotations(repo);
    productAnnotations(team, annotations);
    if (random.chance(0.01)) {
      annotations['team-insights.io/waivers'] = `docs.techdocs until ${addDays(
        referenceDate,
        random.int(5, 90),
      )}: docs move to the new portal next sprint`;
    } else if (random.chance(0.002)) {
      annotations[
        'team-insights.io/waivers'
      ] = `docs.everything until ${addDays(referenceDate, 30)}: unknown check`;
      mistake('waiver-unknown-check');
    }
    let owner = team.entity.metadata.name;
    if (random.chance(0.005)) {
      owner = 'dissolved-team';
      dangling.add('group:default/dissolved-team');
      mistake('owner-missing');
    }
    const component = push(
      'Component',
      name,
      {
        title: random.chance(0.3) ? titleCase(name) : undefined,
        description: description(
          `${titleCase(name.replace(/-\d+$/, ''))}: serves ${random.pick(
            DOMAIN_WORDS,
          )} to the marketplace.`,
        ),
        tags: tags(),
        links: links(repo),
        annotations,
      },
      {
        type: random.weighted([
          ['service', 60],
          ['website', 15],
          ['library', 15],
          ['pipeline', 10],
        ]),
        lifecycle: random.weighted([
          ['production', 70],
          ['experimental', 20],
          ['deprecated', 10],
        ]),
        owner,
        system: systemOf(team),
      },
      location(repo),
    );
    team.components.push(component);
    allComponents.push(component);
  }
  // A few entities owned by a person rather than a team.
  const users = entities.filter(e => e.kind === 'User');
  for (const component of allComponents) {
    if (random.chance(0.01)) {
      (component.spec as Record<string, unknown>).owner = `user:default/${
        random.pick(users).metadata.name
      }`;
      mistake('owner-is-user');
    }
  }
  return allComponents;
}

/**
 * Adds the Systems, APIs, Resources and Components the teams own and
 * returns the Components, in the order they were added.
 */
export function addOwnedEntities(
  draft: OrganisationDraft,
  counts: OwnedCounts,
  { teams, concernPool }: Teams,
): Entity[] {
  addSystems(draft, counts.systems, teams);
  // Owned entities go to teams in proportion to their size (head-count-only
  // teams own a little too), centralized teams a bit more.
  const pickOwnerTeam = weightedIndex(
    draft.random,
    teams.map(
      t => (Math.max(t.weight, 2) + 2) * (t.type === 'centralized' ? 1.5 : 1),
    ),
  );
  const fields = ownedEntityFields(draft, concernPool);
  addApis(draft, counts.apis, teams, pickOwnerTeam, fields);
  addResources(draft, counts.resources, teams, pickOwnerTeam, fields);
  return addComponents(draft, counts.components, teams, pickOwnerTeam, fields);
}
