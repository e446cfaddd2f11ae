import {
  ANNOTATION_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  ANNOTATION_VIEW_URL,
} from '@backstage/catalog-model';
import {
  ANNOTATION_TECHDOCS_ENTITY,
  ANNOTATION_TECHDOCS_REF,
} from '../../annotations';
import type { TeamInsightsConfig } from '../../config';
import type { EntityView } from '../../customChecks';
import type { OrganisationModel } from '../../model';
import type { CheckResult } from '../../types';
import { annotationOf, listNames, plural, specString } from '../../util';
import { builtIn, entityYaml, yamlScalar } from '../helpers';
import { FIX } from './fixes';
import { description } from './description';
import { owner } from './owner';
import { presence } from './presence';

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
      () => FIX.techdocs(entity),
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
      () => FIX.source(entity),
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
        () => FIX.lifecycle(entity),
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
        () => FIX.system(view, model),
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
      () => FIX.links(entity),
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
      () => FIX.tags(entity),
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
        () => FIX.apiDefinition(entity),
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
