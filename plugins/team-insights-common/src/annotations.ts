/**
 * The catalog annotations of SPEC §2. Values are strings, as the catalog
 * requires; lists are comma-separated.
 */

/** Prefix shared by every Team Insights annotation. @public */
export const ANNOTATION_PREFIX = 'team-insights.io/';

/**
 * On a Group: `feature` | `centralized` | `expertise` (aliases
 * `stream-aligned` → feature, `platform` → centralized).
 * @public
 */
export const ANNOTATION_TEAM_TYPE = 'team-insights.io/team-type';

/**
 * On a Group: `cluster=count, …` head counts of people not modelled as Users.
 * On a User: `cluster, …` the clusters the person brings, primary first.
 * @public
 */
export const ANNOTATION_SKILLS = 'team-insights.io/skills';

/**
 * On a Group: `cluster, …` overrides the required clusters of its team type.
 * @public
 */
export const ANNOTATION_REQUIRED_SKILLS = 'team-insights.io/required-skills';

/**
 * On a Group: `entity-ref, …` platform products the team chose not to use.
 * @public
 */
export const ANNOTATION_DECLINED_PRODUCTS =
  'team-insights.io/declined-products';

/**
 * On a Component, API or Resource: `true` | `false`, marks a platform product.
 * @public
 */
export const ANNOTATION_PRODUCT = 'team-insights.io/product';

/**
 * On a Component, API or Resource: `true` | `false`, the product is imposed.
 * @public
 */
export const ANNOTATION_MANDATORY = 'team-insights.io/mandatory';

/**
 * On a Component, API or Resource: the cross-cutting concern it addresses,
 * a slug such as `monitoring` or `batch-scheduling`.
 * @public
 */
export const ANNOTATION_CONCERN = 'team-insights.io/concern';

/**
 * On any entity: `check-id until YYYY-MM-DD: reason; …` time-boxed exceptions.
 * @public
 */
export const ANNOTATION_WAIVERS = 'team-insights.io/waivers';

/**
 * On a Group or a documented entity: `true` makes its README badges public
 * when the backend serves public badges (`teamInsights.badges.public`).
 * @public
 */
export const ANNOTATION_PUBLIC_BADGE = 'team-insights.io/public-badge';

/** Every Team Insights annotation, in the order of SPEC §2. @public */
export const TEAM_INSIGHTS_ANNOTATIONS: readonly string[] = [
  ANNOTATION_TEAM_TYPE,
  ANNOTATION_SKILLS,
  ANNOTATION_REQUIRED_SKILLS,
  ANNOTATION_DECLINED_PRODUCTS,
  ANNOTATION_PRODUCT,
  ANNOTATION_MANDATORY,
  ANNOTATION_CONCERN,
  ANNOTATION_WAIVERS,
  ANNOTATION_PUBLIC_BADGE,
];

/** Backstage's TechDocs annotation. @public */
export const ANNOTATION_TECHDOCS_REF = 'backstage.io/techdocs-ref';

/** Backstage's TechDocs annotation pointing at another entity's docs. @public */
export const ANNOTATION_TECHDOCS_ENTITY = 'backstage.io/techdocs-entity';
