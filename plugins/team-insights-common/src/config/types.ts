import type { TeamType } from '../types';

/**
 * A named cluster of skills, e.g. `data-scientist` (SPEC §2).
 * @public
 */
export interface SkillCluster {
  /** Lower-case slug, e.g. `site-reliability-engineer`. */
  id: string;
  title: string;
  description?: string;
  /** Other ids that mean this cluster, e.g. `sre`. */
  aliases?: string[];
}

/**
 * Thresholds of the built-in checks. Every rule of SPEC §4 that has a number
 * in it reads it from here.
 * @public
 */
export interface TeamInsightsThresholds {
  /** `composition.team-size`: sizes from `minPass` to `maxPass` pass. */
  teamSize: {
    /** Smallest size that passes; 1 to minPass-1 warn, 0 fails. Default 3. */
    minPass: number;
    /** Largest size that passes. Default 9. */
    maxPass: number;
    /** Largest size that warns; above fails. Default 15. */
    maxWarn: number;
  };
  /** `composition.redundancy`: people needed per covered cluster. Default 2. */
  redundancyMinPeople: number;
  /** `composition.cross-functional` for feature teams. */
  crossFunctional: {
    /** Largest share of one primary cluster. Default 0.75. */
    maxPrimaryShare: number;
    /** People with a declared primary needed to judge. Default 3. */
    minPeople: number;
  };
  /** `composition.hand-overs`: teams depended on. */
  handOvers: {
    /** Default 1. */
    maxPass: number;
    /** Default 3. */
    maxWarn: number;
  };
  /** `composition.skills-declared`: share of members declaring skills. */
  skillsDeclared: {
    /** Default 0.8. */
    pass: number;
    /** Default 0.5. */
    warn: number;
  };
  /** `adoption.reach`: share of products with an adopter. */
  reach: {
    /** Default 1. */
    pass: number;
    /** Default 0.5. */
    warn: number;
  };
  /** `adoption.self-service`: documentation score of every product. */
  selfService: {
    /** Default 75. */
    pass: number;
    /** Default 50. */
    warn: number;
  };
  /** A team's documentation checks: pass rate across owned entities. */
  documentationPassRate: {
    /** Default 1. */
    pass: number;
    /** Default 0.5. */
    warn: number;
  };
  /** `docs.description`: shortest useful description. Default 20. */
  descriptionMinLength: number;
  /** `docs.api-definition`: shortest useful definition. Default 100. */
  apiDefinitionMinLength: number;
  /**
   * Days a concern stays a centralize-candidate before it is evident and
   * should be extracted to a centralized team. Default 90.
   */
  extractWhenEvidentDays: number;
  /**
   * `adoption.not-too-early`: days a centralized team may exist before a
   * product without adopters makes it premature. Default 90.
   */
  prematureCentralizationDays: number;
}

/**
 * Lowest score of each level (SPEC §4). Below `bronze` the level is `none`.
 * @public
 */
export interface TeamInsightsLevels {
  gold: number;
  silver: number;
  bronze: number;
}

/**
 * The engine's configuration, read from the `teamInsights` section of the app
 * config with {@link readTeamInsightsConfig}.
 * @public
 */
export interface TeamInsightsConfig {
  /** The vocabulary of skill clusters. */
  skillClusters: SkillCluster[];
  /** Required clusters per team type. */
  teamTypes: Record<TeamType, { requiredSkills: string[] }>;
  thresholds: TeamInsightsThresholds;
  /** Weight per check id; checks not listed keep their default weight. */
  weights: Record<string, number>;
  levels: TeamInsightsLevels;
  /** Teams rebuilding an uncovered concern before it is a centralize-candidate. Default 3. */
  centralizeCandidateTeams: number;
  /** Longest waiver accepted, in days. Default 365. */
  maxWaiverDays: number;
}
