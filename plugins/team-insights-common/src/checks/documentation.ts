import {
  type Entity,
  ANNOTATION_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  ANNOTATION_VIEW_URL,
} from '@backstage/catalog-model';
import {
  ANNOTATION_TECHDOCS_ENTITY,
  ANNOTATION_TECHDOCS_REF,
} from '../annotations';
import type { TeamInsightsConfig } from '../config';
import type { EntityView } from '../customChecks';
import type { OrganisationModel } from '../model';
import type { CheckResult, CheckStatus } from '../types';
import {
  annotationOf,
  kindOfRef,
  listNames,
  normalizeRef,
  percent,
  plural,
  quote,
  specString,
} from '../util';
import {
  annotationLines,
  builtIn,
  entityYaml,
  grade,
  placeholder,
  yamlScalar,
} from './helpers';

const PLACEHOLDERS = new Set([
  'todo',
  'tbd',
  'n/a',
  'na',
  'description',
  '-',
  'none',
  'fixme',
  'placeholder',
  'tba',
]);

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
 * The system to suggest: the one every other entity of the same owner
 * belongs to, if they agree on one.
 */
function systemLine(view: EntityView, model: OrganisationModel): string {
  const ownerRef = view.owner ?? model.ownerRefs(view.entityRef)[0];
  const systems = new Set<string>();
  for (const ref of (ownerRef && model.team(ownerRef)?.owned) || []) {
    if (ref === view.entityRef) continue;
    const other = model.entity(ref);
    const system = other ? specString(other, 'system')?.trim() : undefined;
    if (system) systems.add(system);
  }
  if (systems.size === 1 && ownerRef) {
    const [system] = systems;
    return `system: ${yamlScalar(
      system,
    )} # as the other entities of ${ownerRef}`;
  }
  return `system: ${placeholder(
    'system',
    systems.size
      ? `the System it belongs to, e.g. ${listNames(Array.from(systems), 3)}`
      : 'the System it belongs to',
  )}`;
}

// Each remediation is the entity's own catalog-info.yaml: its kind, name,
// namespace, owner, system and annotations, with the change in place and
// what only the owner can know marked as a placeholder.
const FIX = {
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

function description(view: EntityView, config: TeamInsightsConfig) {
  const id = 'docs.description';
  const min = config.thresholds.descriptionMinLength;
  const raw = view.entity.metadata?.description;
  const text = typeof raw === 'string' ? raw.trim() : '';
  const fix = FIX.description(view.entity);
  if (!text) {
    return builtIn(config, id, 'fail', 'No description.', fix);
  }
  const normalised = text.toLowerCase().replace(/[.!:]+$/, '');
  if (PLACEHOLDERS.has(normalised)) {
    return builtIn(
      config,
      id,
      'fail',
      `The description ${quote(text)} is a placeholder.`,
      fix,
    );
  }
  if (text.length < min) {
    return builtIn(
      config,
      id,
      'fail',
      `The description has ${plural(
        text.length,
        'character',
        'characters',
      )}, fewer than ${min}.`,
      fix,
    );
  }
  return builtIn(config, id, 'pass', `Described in ${text.length} characters.`);
}

function owner(
  view: EntityView,
  model: OrganisationModel,
  config: TeamInsightsConfig,
) {
  const id = 'docs.owner';
  const raw = specString(view.entity, 'owner');
  const fix = (example: string | undefined) =>
    `Make a team the owner:\n\n${entityYaml(view.entity, {
      spec: [
        `owner: ${
          example ?? placeholder('team', 'the ref of the owning Group')
        }`,
      ],
    })}`;
  const fixWithOwner = () =>
    fix(model.ownerRefs(view.entityRef).find(o => kindOfRef(o) === 'group'));
  if (!raw || !raw.trim()) {
    return builtIn(config, id, 'fail', 'No `spec.owner`.', fixWithOwner());
  }
  const ref =
    raw.length <= 1024
      ? normalizeRef(raw.trim(), {
          defaultKind: 'group',
          defaultNamespace: String(
            view.entity.metadata?.namespace || 'default',
          ),
          strict: true,
        })
      : undefined;
  const target = ref ? model.entities.get(ref) : undefined;
  if (!ref || !target) {
    return builtIn(
      config,
      id,
      'fail',
      `The owner ${quote(raw)} does not resolve to an entity in the catalog.`,
      `Check the kind, namespace and name of the owner. ${fixWithOwner()}`,
      ref ? [ref] : [],
    );
  }
  const kind = kindOfRef(ref);
  if (kind === 'group') {
    return builtIn(config, id, 'pass', `Owned by ${ref}.`, undefined, [ref]);
  }
  if (kind === 'user') {
    return builtIn(
      config,
      id,
      'warn',
      `Owned by a person, ${ref}: when they move on, nobody owns it.`,
      `Ownership by a team avoids single points of failure. ${fix(
        model.groupsOfMember(ref)[0],
      )}`,
      [ref],
    );
  }
  return builtIn(
    config,
    id,
    'fail',
    `The owner ${ref} is a ${kindOfRef(ref)}, not a Group.`,
    fixWithOwner(),
    [ref],
  );
}

function presence(
  config: TeamInsightsConfig,
  id: string,
  present: boolean,
  found: string,
  missing: string,
  remediation: string,
): CheckResult {
  return present
    ? builtIn(config, id, 'pass', found)
    : builtIn(config, id, 'fail', missing, remediation);
}

/** The documentation checks of one Component, API, Resource, System or Domain. */
export function documentationChecks(
  view: EntityView,
  model: OrganisationModel,
  config: TeamInsightsConfig,
): CheckResult[] {
  const entity = view.entity;
  const kind = view.kind;
  const results: CheckResult[] = [
    description(view, config),
    owner(view, model, config),
  ];

  const techdocs =
    annotationOf(entity, ANNOTATION_TECHDOCS_REF)?.trim() ||
    annotationOf(entity, ANNOTATION_TECHDOCS_ENTITY)?.trim();
  results.push(
    presence(
      config,
      'docs.techdocs',
      !!techdocs,
      `TechDocs: ${techdocs}.`,
      'No TechDocs: readers have to ask the owning team.',
      FIX.techdocs(entity),
    ),
  );

  const location = annotationOf(entity, ANNOTATION_LOCATION)?.trim() ?? '';
  const source =
    annotationOf(entity, ANNOTATION_SOURCE_LOCATION)?.trim() ||
    annotationOf(entity, ANNOTATION_VIEW_URL)?.trim() ||
    (location.startsWith('url:') ? location : '');
  results.push(
    presence(
      config,
      'docs.source',
      !!source,
      `Source: ${source.length > 200 ? `${source.slice(0, 200)}…` : source}.`,
      'No source location: readers cannot find the code.',
      FIX.source(entity),
    ),
  );

  if (kind === 'component' || kind === 'api') {
    const lifecycle = specString(entity, 'lifecycle')?.trim();
    results.push(
      presence(
        config,
        'docs.lifecycle',
        !!lifecycle,
        `Lifecycle: ${lifecycle}.`,
        'No `spec.lifecycle`: readers cannot tell whether it is experimental, in production or deprecated.',
        FIX.lifecycle(entity),
      ),
    );
  } else {
    results.push(
      builtIn(
        config,
        'docs.lifecycle',
        'not-applicable',
        `A ${entity.kind} has no lifecycle.`,
      ),
    );
  }

  if (kind === 'component' || kind === 'api' || kind === 'resource') {
    const system = specString(entity, 'system')?.trim();
    results.push(
      presence(
        config,
        'docs.system',
        !!system,
        `Part of system ${system}.`,
        'No `spec.system`: readers cannot see what it belongs to.',
        FIX.system(view, model),
      ),
    );
  } else {
    results.push(
      builtIn(
        config,
        'docs.system',
        'not-applicable',
        `A ${entity.kind} is not part of a system.`,
      ),
    );
  }

  const links = Array.isArray(entity.metadata?.links)
    ? entity.metadata.links.length
    : 0;
  results.push(
    presence(
      config,
      'docs.links',
      links > 0,
      `${plural(links, 'link', 'links')}.`,
      'No links to dashboards, runbooks or support channels.',
      FIX.links(entity),
    ),
  );

  const tags = Array.isArray(entity.metadata?.tags)
    ? entity.metadata.tags.length
    : 0;
  results.push(
    presence(
      config,
      'docs.tags',
      tags > 0,
      `${plural(tags, 'tag', 'tags')}.`,
      'No tags: the entity is harder to find in catalog search.',
      FIX.tags(entity),
    ),
  );

  if (kind === 'api') {
    const min = config.thresholds.apiDefinitionMinLength;
    const definition = (entity.spec as { definition?: unknown })?.definition;
    let length = 0;
    if (typeof definition === 'string') length = definition.trim().length;
    else if (definition && typeof definition === 'object') {
      length = JSON.stringify(definition).length;
    }
    results.push(
      presence(
        config,
        'docs.api-definition',
        length >= min,
        `The definition has ${length} characters.`,
        length
          ? `The definition has ${plural(
              length,
              'character',
              'characters',
            )}, fewer than ${min}: too short to learn the API from.`
          : 'No `spec.definition`: the API can only be learned by asking.',
        FIX.apiDefinition(entity),
      ),
    );
  } else {
    results.push(
      builtIn(
        config,
        'docs.api-definition',
        'not-applicable',
        `Only APIs have a definition.`,
      ),
    );
  }

  if (kind === 'component' && view.product) {
    const apis = model.providedApiRefs(view.entityRef);
    const declared = (entity.spec as { providesApis?: unknown })?.providesApis;
    let count = apis.length;
    if (!count && Array.isArray(declared)) count = declared.length;
    results.push(
      builtIn(
        config,
        'docs.provides-api',
        count > 0 ? 'pass' : 'fail',
        count > 0
          ? `Provides ${plural(count, 'API', 'APIs')}${
              apis.length ? `: ${listNames(apis, 5)}` : ''
            }.`
          : 'The product provides no API: teams can only use it by asking its team.',
        count > 0
          ? undefined
          : `Self-service means tools or APIs to automate everything that previously required communication. Describe the product's API as an API entity and provide it:\n\n${entityYaml(
              view.entity,
              {
                spec: [
                  'providesApis:',
                  `  - ${yamlScalar(`${view.entity.metadata.name}-api`)}`,
                ],
              },
            )}`,
        apis,
      ),
    );
  } else {
    results.push(
      builtIn(
        config,
        'docs.provides-api',
        'not-applicable',
        kind === 'component'
          ? 'Not a platform product.'
          : 'Only Component products provide APIs.',
      ),
    );
  }
  return results;
}

/**
 * A team's documentation check: the pass rate of one check across the
 * entities it owns, and the entities that fail it.
 */
export function teamDocumentationCheck(
  template: { id: string; title: string; weight: number },
  owned: readonly string[],
  checkOf: (ref: string) => CheckResult | undefined,
  config: TeamInsightsConfig,
): CheckResult {
  let applicable = 0;
  let passing = 0;
  const failing: string[] = [];
  // the remediation of the first failing entity, as an example
  let remediation: string | undefined;
  for (const ref of owned) {
    const check = checkOf(ref);
    if (!check || check.status === 'not-applicable') continue;
    applicable += 1;
    if (check.status === 'pass' || check.waived) {
      passing += 1;
    } else {
      if (!failing.length && check.remediation) {
        remediation = `The fix for ${ref}:\n\n${check.remediation}`;
      }
      failing.push(ref);
    }
  }
  if (applicable === 0) {
    return {
      id: template.id,
      title: template.title,
      status: 'not-applicable',
      weight: template.weight,
      message: 'Applies to none of the entities the team owns.',
    };
  }
  const rate = passing / applicable;
  const t = config.thresholds.documentationPassRate;
  const status: CheckStatus = grade(rate, t.pass, t.warn);
  const result: CheckResult = {
    id: template.id,
    title: template.title,
    status,
    weight: template.weight,
    message: `${passing} of ${plural(
      applicable,
      'owned entity passes',
      'owned entities pass',
    )} (${percent(rate)})${
      failing.length ? `; failing: ${listNames(failing, 10)}` : ''
    }.`,
  };
  if (status !== 'pass') {
    result.remediation = `Fix it on each failing entity; their documentation scorecards say what is missing.${
      remediation ? `\n\n${remediation}` : ''
    }`;
  }
  if (failing.length) result.entities = failing;
  return result;
}
