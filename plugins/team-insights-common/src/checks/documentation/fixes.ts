import {
  type Entity,
  ANNOTATION_SOURCE_LOCATION,
} from '@backstage/catalog-model';
import { ANNOTATION_TECHDOCS_REF } from '../../annotations';
import type { EntityView } from '../../customChecks';
import type { OrganisationModel } from '../../model';
import { annotationOf, listNames, specString } from '../../util';
import {
  annotationLines,
  entityYaml,
  placeholder,
  yamlScalar,
} from '../helpers';

const DEFINITION_FILES: Record<string, string> = {
  openapi: './openapi.yaml',
  asyncapi: './asyncapi.yaml',
  graphql: './schema.graphql',
  grpc: './service.proto',
};

/**
 * Where the code of an entity lives, from the annotations of the SCM
 * integrations it already has, e.g. `github.com/project-slug`.
 */
function repositoryUrl(entity: Entity): string | undefined {
  const github = annotationOf(entity, 'github.com/project-slug')?.trim();
  if (github && /^[\w.-]+\/[\w.-]+$/.test(github)) {
    return `url:https://github.com/${github}/tree/main/`;
  }
  const gitlab = annotationOf(entity, 'gitlab.com/project-slug')?.trim();
  if (gitlab && /^[\w.-]+(\/[\w.-]+)+$/.test(gitlab)) {
    return `url:https://gitlab.com/${gitlab}/-/tree/main/`;
  }
  return undefined;
}

/**
 * The systems named by a team's owned entities, each with where it first
 * appears in `owned` and where it first appears for another entity: enough
 * to tell, for any one of them, which systems the others name and in which
 * order. Read once per team instead of once per entity without a system.
 */
interface NamedSystem {
  system: string;
  first: number;
  /** The first position after `first` of an entity other than `owned[first]`. */
  second?: number;
}

interface OwnedSystems {
  named: NamedSystem[];
  /** Every system, in the order of the entities that first name one. */
  all: string[];
  /** The entities that first name a system (`owned[first]`). */
  firsts: Set<string>;
}

const systemsOfOwned = new WeakMap<readonly string[], OwnedSystems>();

function ownedSystems(
  owned: readonly string[],
  model: OrganisationModel,
): OwnedSystems {
  const cached = systemsOfOwned.get(owned);
  if (cached) return cached;
  const named: NamedSystem[] = [];
  const bySystem = new Map<string, NamedSystem>();
  owned.forEach((ref, position) => {
    const other = model.entity(ref);
    const system = other ? specString(other, 'system')?.trim() : undefined;
    if (!system) return;
    const known = bySystem.get(system);
    if (!known) {
      const entry: NamedSystem = { system, first: position };
      bySystem.set(system, entry);
      named.push(entry);
    } else if (known.second === undefined && owned[known.first] !== ref) {
      known.second = position;
    }
  });
  const systems: OwnedSystems = {
    named,
    all: named.map(n => n.system),
    firsts: new Set(named.map(n => owned[n.first])),
  };
  systemsOfOwned.set(owned, systems);
  return systems;
}

/** The systems the entities of `owned` other than `ref` name, in order. */
function systemsOfOthers(
  owned: readonly string[],
  ref: string,
  model: OrganisationModel,
): readonly string[] {
  const { named, all, firsts } = ownedSystems(owned, model);
  if (!firsts.has(ref)) return all;
  return named
    .map(({ system, first, second }) => ({
      system,
      at: owned[first] !== ref ? first : second,
    }))
    .filter(s => s.at !== undefined)
    .sort((a, b) => a.at! - b.at!)
    .map(s => s.system);
}

/**
 * The system to suggest: the one every other entity of the same owner
 * belongs to, if they agree on one.
 */
function systemLine(view: EntityView, model: OrganisationModel): string {
  const ownerRef = view.owner ?? model.ownerRefs(view.entityRef)[0];
  const owned = (ownerRef && model.team(ownerRef)?.owned) || [];
  const systems = systemsOfOthers(owned, view.entityRef, model);
  if (systems.length === 1 && ownerRef) {
    return `system: ${yamlScalar(
      systems[0],
    )} # as the other entities of ${ownerRef}`;
  }
  return `system: ${placeholder(
    'system',
    systems.length
      ? `the System it belongs to, e.g. ${listNames(systems, 3)}`
      : 'the System it belongs to',
  )}`;
}

// Each remediation is the entity's own catalog-info.yaml: its kind, name,
// namespace, owner, system and annotations, with the change in place and
// what only the owner can know marked as a placeholder.
export const FIX = {
  description: (e: Entity) =>
    `Say in a sentence or two what it is for and who uses it, so other teams need not ask:\n\n${entityYaml(
      e,
      {
        metadata: [
          `description: ${placeholder(
            'description',
            'what it is for and who uses it',
          )}`,
        ],
      },
    )}`,
  techdocs: (e: Entity) =>
    `Publish docs next to the code (a docs/ folder and mkdocs.yml) and point to them:\n\n${entityYaml(
      e,
      { metadata: annotationLines(e, { [ANNOTATION_TECHDOCS_REF]: 'dir:.' }) },
    )}`,
  source: (e: Entity) => {
    const known = repositoryUrl(e);
    return `Register the entity from its repository (a \`url:\` location), or point to the code:\n\n${entityYaml(
      e,
      {
        metadata: annotationLines(
          e,
          {
            [ANNOTATION_SOURCE_LOCATION]:
              known ??
              'url:https://<your-git-host>/<your-org>/<your-repo>/tree/main/',
          },
          {
            [ANNOTATION_SOURCE_LOCATION]: known
              ? 'from its project slug; check the branch'
              : 'placeholder: the folder of the code in its repository',
          },
        ),
      },
    )}`;
  },
  lifecycle: (e: Entity) =>
    entityYaml(e, {
      spec: [
        `lifecycle: ${placeholder(
          'lifecycle',
          'production, experimental or deprecated',
        )}`,
      ],
    }),
  system: (view: EntityView, model: OrganisationModel) =>
    entityYaml(view.entity, { spec: [systemLine(view, model)] }),
  links: (e: Entity) =>
    entityYaml(e, {
      metadata: [
        'links:',
        `  - url: ${placeholder(
          'dashboard-url',
          'a dashboard, runbook or support channel',
        )}`,
        '    title: Dashboard',
        '    icon: dashboard',
      ],
    }),
  tags: (e: Entity) =>
    entityYaml(e, {
      metadata: [
        'tags:',
        `  - ${placeholder(
          'tag',
          'lower-case words people search for: language, framework, domain',
        )}`,
      ],
    }),
  apiDefinition: (e: Entity) => {
    const type = specString(e, 'type')?.trim().toLocaleLowerCase('en-US');
    const file = (type && DEFINITION_FILES[type]) || undefined;
    return `Publish the full definition (OpenAPI, AsyncAPI, GraphQL, gRPC), e.g. from the repository:\n\n${entityYaml(
      e,
      {
        spec: [
          ...(type
            ? []
            : [
                `type: ${placeholder(
                  'type',
                  'openapi, asyncapi, graphql or grpc',
                )}`,
              ]),
          'definition:',
          `  $text: ${
            file ?? '<your-definition-file>'
          } # placeholder: its path, next to catalog-info.yaml`,
        ],
      },
    )}`;
  },
};
