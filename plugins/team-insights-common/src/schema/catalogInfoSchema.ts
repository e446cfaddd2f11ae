/**
 * A JSON Schema for catalog-info.yaml: the catalog's own entity schema with
 * the `team-insights.io/*` annotations on top, generated from the engine's
 * vocabulary (skill clusters, team types, check ids) so that editors offer
 * the same values the engine accepts and flag a typo before the CLI runs.
 */
import {
  ANNOTATION_CONCERN,
  ANNOTATION_DECLINED_PRODUCTS,
  ANNOTATION_MANDATORY,
  ANNOTATION_PRODUCT,
  ANNOTATION_PUBLIC_BADGE,
  ANNOTATION_REQUIRED_SKILLS,
  ANNOTATION_SKILLS,
  ANNOTATION_TEAM_TYPE,
  ANNOTATION_WAIVERS,
} from '../annotations';
import { BUILT_IN_CHECKS } from '../catalogue';
import { defaultTeamInsightsConfig, TeamInsightsConfig } from '../config';
import { MAX_VALUE_LENGTH } from '../util';
import { MAX_DECLINE_REASON_LENGTH, TEAM_TYPE_ALIASES } from '../parsers';
import { TEAM_TYPE_INFO } from '../teamTypes';

/** A JSON value. @public */
export type JsonSchemaObject = { [key: string]: unknown };

/**
 * The parts of the catalog's own schema (`@backstage/catalog-model`) to
 * build on, with their references rewritten to `#/definitions/…`. The
 * entry `backstageEntity` is the entity envelope every document must match.
 * @public
 */
export type CatalogModelDefinitions = Record<string, JsonSchemaObject> & {
  backstageEntity: JsonSchemaObject;
};

/** Escapes a literal for a regular expression. */
function literal(text: string): string {
  // a dash or slash needs no escape outside a class (and may not have one
  // in a Unicode pattern, as editors and ajv compile them)
  return text.replace(/[.*+?^${}()|[\]\\]/g, c => `\\${c}`);
}

/** A case-insensitive alternation of literals (JSON Schema has no flags). */
function anyCase(words: readonly string[]): string {
  const alternatives = [...words]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map(word =>
      Array.from(word)
        .map(ch => {
          const lower = ch.toLowerCase();
          const upper = ch.toUpperCase();
          return lower === upper ? literal(ch) : `[${lower}${upper}]`;
        })
        .join(''),
    );
  return `(?:${alternatives.join('|')})`;
}

/**
 * A comma-separated list of items, as the engine splits it: white space
 * around items and empty items are ignored; an empty value is allowed.
 */
function listOf(item: string, separators = ','): string {
  const sep = `(?:\\s*[${separators}])*\\s*`;
  return `^${sep}(?:${item}(?:\\s*[${separators}]${sep}${item})*${sep})?$`;
}

const COUNT = '(?:0{0,3}[1-9]|0{0,2}[1-9][0-9]|0?[1-9][0-9]{2}|1000)';
const NAME = '[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*';
const ENTITY_REF = `(?:[A-Za-z][A-Za-z0-9]*:)?(?:${NAME}/)?${NAME}`;
const BOOLEAN = `^\\s*${anyCase(['true', 'false'])}\\s*$`;

function kindIs(kind: string): JsonSchemaObject {
  return {
    required: ['kind'],
    properties: { kind: { type: 'string', pattern: `^${anyCase([kind])}$` } },
  };
}

function annotations(properties: JsonSchemaObject): JsonSchemaObject {
  return {
    properties: {
      metadata: { properties: { annotations: { properties } } },
    },
  };
}

/**
 * Builds the JSON Schema for catalog-info.yaml.
 *
 * @param options - `catalogModel`: the catalog's entity schema to build on
 *   (see {@link CatalogModelDefinitions}); `config`: the vocabulary, by
 *   default the built-in one.
 * @public
 */
export function catalogInfoJsonSchema(options: {
  catalogModel: CatalogModelDefinitions;
  config?: TeamInsightsConfig;
}): JsonSchemaObject {
  const config = options.config ?? defaultTeamInsightsConfig;
  const clusterIds = config.skillClusters.flatMap(c => [
    c.id,
    ...(c.aliases ?? []),
  ]);
  const cluster = anyCase(clusterIds);
  const clusterList = config.skillClusters
    .map(
      c =>
        `- \`${c.id}\`${
          c.aliases?.length
            ? ` (${c.aliases.map(a => `\`${a}\``).join(', ')})`
            : ''
        }: ${c.title}${c.description ? ` — ${c.description}` : ''}`,
    )
    .join('\n');
  const typeValues = Object.keys(TEAM_TYPE_ALIASES);
  const checkIds = BUILT_IN_CHECKS.map(c => c.id);

  const userSkills = {
    type: 'string',
    maxLength: MAX_VALUE_LENGTH,
    pattern: listOf(cluster),
    description: `The skill clusters this person brings, primary first.\n\n${clusterList}`,
    examples: ['data-engineer, site-reliability-engineer'],
  };
  const groupSkills = {
    type: 'string',
    maxLength: MAX_VALUE_LENGTH,
    pattern: listOf(`${cluster}\\s*=\\s*${COUNT}`),
    description: `Head counts of people in the team who are not modelled as Users: cluster=count (1–1000).\n\n${clusterList}`,
    examples: ['data-scientist=2, analytics-translator=1'],
  };

  const teamInsightsAnnotations = {
    [ANNOTATION_TEAM_TYPE]: {
      description:
        'On a Group: what kind of team this is. Groups of spec.type team without one are evaluated as feature teams.',
      anyOf: [
        ...TEAM_TYPE_INFO.map(t => ({
          const: t.id,
          title: t.title,
          description: t.description,
        })),
        {
          type: 'string',
          pattern: `^\\s*${anyCase(typeValues)}\\s*$`,
          description: `Aliases and other spellings: ${typeValues.join(
            ', ',
          )} (any case).`,
        },
      ],
    },
    [ANNOTATION_SKILLS]: {
      description: `On a User: the skill clusters the person brings, primary first (\`data-engineer, sre\`). On a Group: head counts of people not modelled as Users (\`data-scientist=2\`).\n\n${clusterList}`,
      anyOf: [userSkills, groupSkills],
    },
    [ANNOTATION_REQUIRED_SKILLS]: {
      type: 'string',
      maxLength: MAX_VALUE_LENGTH,
      pattern: listOf(cluster),
      description: `On a Group: the skill clusters this team needs, instead of those its team type requires.\n\n${clusterList}`,
      examples: ['data-scientist, data-engineer'],
    },
    [ANNOTATION_DECLINED_PRODUCTS]: {
      type: 'string',
      maxLength: MAX_VALUE_LENGTH,
      pattern: listOf(
        `${ENTITY_REF}(?::\\s+[^,;\\s][^,;]{0,${
          MAX_DECLINE_REASON_LENGTH - 1
        }})?`,
        ',;',
      ),
      description: `On a Group: entity refs of platform products the team consciously chose not to use (opt-in means a "no" is legitimate), each with an optional reason after ": " (up to ${MAX_DECLINE_REASON_LENGTH} characters, without "," or ";", which separate the items). The product's team reads the reason. Refs without a kind are Components.`,
      examples: [
        'component:default/feature-store',
        'feature-store: needs streaming, component:default/batch-runner',
      ],
    },
    [ANNOTATION_PRODUCT]: {
      type: 'string',
      pattern: BOOLEAN,
      description:
        'On a Component, API or Resource: "true" marks a platform product. Default: true for entities owned by a centralized team.',
      examples: ['true', 'false'],
    },
    [ANNOTATION_PUBLIC_BADGE]: {
      type: 'string',
      pattern: BOOLEAN,
      description:
        'On a Group or a documented entity: "true" lets anyone see its README badges when the backend serves public badges (teamInsights.badges.public). Default: false.',
      examples: ['true', 'false'],
    },
    [ANNOTATION_MANDATORY]: {
      type: 'string',
      pattern: BOOLEAN,
      description:
        'On a Component, API or Resource: "true" when teams are required to use the product (it violates opt-in).',
      examples: ['false', 'true'],
    },
    [ANNOTATION_CONCERN]: {
      type: 'string',
      pattern: '^\\s*[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*\\s*$',
      maxLength: 200,
      description:
        'On a Component, API or Resource: the one cross-cutting concern it addresses, as a slug.',
      examples: ['monitoring', 'batch-scheduling', 'feature-store'],
    },
    [ANNOTATION_WAIVERS]: {
      type: 'string',
      maxLength: MAX_VALUE_LENGTH,
      pattern: `^\\s*(?:[^\\s:;]+\\s+[Uu][Nn][Tt][Ii][Ll]\\s+[0-9]{4}-[0-9]{2}-[0-9]{2}\\s*:\\s*[^;\\s][^;]*(?:;[\\s;]*|$))*$`,
      description: `On any entity: time-boxed exceptions to checks, "check-id until YYYY-MM-DD: reason; …", at most ${
        config.maxWaiverDays
      } days ahead. Built-in checks: ${checkIds.join(', ')}.`,
      examples: [
        'composition.team-size until 2026-06-30: merging with the search team this quarter',
      ],
    },
  };

  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Backstage catalog entity with Team Insights annotations',
    description:
      'A document of catalog-info.yaml: the entity envelope of the Backstage catalog, plus the team-insights.io/* annotations with the skill clusters and team types Team Insights knows.',
    allOf: [
      { $ref: '#/definitions/backstageEntity' },
      annotations(teamInsightsAnnotations),
      {
        if: kindIs('User'),
        then: annotations({ [ANNOTATION_SKILLS]: userSkills }),
      },
      {
        if: kindIs('Group'),
        then: annotations({ [ANNOTATION_SKILLS]: groupSkills }),
      },
    ],
    definitions: { ...options.catalogModel },
  };
}
