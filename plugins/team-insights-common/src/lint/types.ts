import type { Entity } from '@backstage/catalog-model';
import type { TeamInsightsConfig } from '../config';
import type { ParsedWaiver, SkillsAnnotation } from '../parsers';
import type { Finding, TeamType } from '../types';

/** Everything the engine reads from one entity's own annotations. */
export interface EntityAnnotations {
  ref: string;
  kind: string;
  /** Declared (valid) team type of a Group. */
  teamType?: TeamType;
  /** Whether the team-type annotation is present at all. */
  teamTypePresent: boolean;
  skills: SkillsAnnotation;
  requiredSkills?: string[];
  declinedProducts: string[];
  /** Why the team declined a product, by the product's ref (lower case). */
  declineReasons: Record<string, string>;
  product?: boolean;
  mandatory?: boolean;
  concern?: string;
  /** `team-insights.io/public-badge`. */
  publicBadge?: boolean;
  waivers: ParsedWaiver[];
  findings: Finding[];
}

/** Options of {@link lintEntity}. @public */
export interface LintOptions {
  config?: TeamInsightsConfig;
  /** "Today" for waiver expiry; defaults to the current time. */
  now?: Date;
  /**
   * Every known check id (built-in plus custom ones); waivers for other ids
   * are errors. Defaults to the built-in checks.
   */
  checkIds?: string[];
}

/** What the readers of one entity's annotations share. */
export interface ReadContext {
  entity: Entity;
  ref: string;
  kind: string;
  config: TeamInsightsConfig;
  /** The annotation's value, if it is set. */
  read(key: string): string | undefined;
}
