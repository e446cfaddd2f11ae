export interface Config {
  /**
   * Team Insights: the scoring engine's vocabulary, thresholds, weights and
   * levels. Every key is optional; absent keys take the defaults of the
   * product specification.
   */
  teamInsights?: {
    /**
     * Skill clusters. By default these extend the built-in clusters
     * (data-scientist, data-engineer, site-reliability-engineer (alias sre),
     * analytics-translator, software-engineer, front-end-engineer,
     * back-end-engineer, ux-designer, product-owner); an entry with the id of
     * a built-in cluster replaces that cluster's title and description.
     * @visibility frontend
     */
    skillClusters?: Array<{
      /**
       * Lower-case id, e.g. `ml-engineer`.
       * @visibility frontend
       */
      id: string;
      /** @visibility frontend */
      title: string;
      /** @visibility frontend */
      description?: string;
      /**
       * Other ids meaning this cluster, e.g. `sre`.
       * @visibility frontend
       */
      aliases?: string[];
    }>;

    /**
     * When true, `skillClusters` replaces the built-in clusters instead of
     * extending them.
     * @visibility frontend
     */
    replaceDefaultSkillClusters?: boolean;

    /**
     * Required skill clusters per team type. Defaults: feature →
     * data-scientist, data-engineer, site-reliability-engineer,
     * analytics-translator; centralized and expertise → none. A team can
     * override its own with the `team-insights.io/required-skills` annotation.
     * @visibility frontend
     */
    teamTypes?: {
      /** @visibility frontend */
      feature?: {
        /** @visibility frontend */
        requiredSkills?: string[];
      };
      /** @visibility frontend */
      centralized?: {
        /** @visibility frontend */
        requiredSkills?: string[];
      };
      /** @visibility frontend */
      expertise?: {
        /** @visibility frontend */
        requiredSkills?: string[];
      };
    };

    /**
     * Thresholds of the built-in checks.
     * @visibility frontend
     */
    thresholds?: {
      /**
       * composition.team-size: minPass (3) to maxPass (9) pass, up to maxWarn
       * (15) warn, above fails; 1 to minPass-1 warn; 0 fails.
       * @visibility frontend
       */
      teamSize?: {
        /** @visibility frontend */
        minPass?: number;
        /** @visibility frontend */
        maxPass?: number;
        /** @visibility frontend */
        maxWarn?: number;
      };
      /**
       * composition.redundancy: people needed per covered cluster (2).
       * @visibility frontend
       */
      redundancyMinPeople?: number;
      /**
       * composition.cross-functional for feature teams.
       * @visibility frontend
       */
      crossFunctional?: {
        /**
         * Largest share (0–1) of one primary cluster (0.75).
         * @visibility frontend
         */
        maxPrimaryShare?: number;
        /**
         * People with a declared primary cluster needed to judge (3).
         * @visibility frontend
         */
        minPeople?: number;
      };
      /**
       * composition.hand-overs: teams depended on; ≤ maxPass (1) pass,
       * ≤ maxWarn (3) warn.
       * @visibility frontend
       */
      handOvers?: {
        /** @visibility frontend */
        maxPass?: number;
        /** @visibility frontend */
        maxWarn?: number;
      };
      /**
       * composition.skills-declared: shares 0–1 (0.8 pass, 0.5 warn).
       * @visibility frontend
       */
      skillsDeclared?: {
        /** @visibility frontend */
        pass?: number;
        /** @visibility frontend */
        warn?: number;
      };
      /**
       * adoption.reach: shares 0–1 of products with an adopter (1 pass, 0.5 warn).
       * @visibility frontend
       */
      reach?: {
        /** @visibility frontend */
        pass?: number;
        /** @visibility frontend */
        warn?: number;
      };
      /**
       * adoption.self-service: documentation scores 0–100 (75 pass, 50 warn).
       * @visibility frontend
       */
      selfService?: {
        /** @visibility frontend */
        pass?: number;
        /** @visibility frontend */
        warn?: number;
      };
      /**
       * A team's documentation checks: pass rate 0–1 across its entities
       * (1 pass, 0.5 warn).
       * @visibility frontend
       */
      documentationPassRate?: {
        /** @visibility frontend */
        pass?: number;
        /** @visibility frontend */
        warn?: number;
      };
      /**
       * docs.description: shortest description (20 characters).
       * @visibility frontend
       */
      descriptionMinLength?: number;
      /**
       * docs.api-definition: shortest API definition (100 characters).
       * @visibility frontend
       */
      apiDefinitionMinLength?: number;
      /**
       * Days (0–3650) a concern stays a centralize-candidate before it is
       * evident: the Concerns tab flags it and the owners of the
       * organisational unit are notified to extract it (90).
       * @visibility frontend
       */
      extractWhenEvidentDays?: number;
      /**
       * adoption.not-too-early: days (0–3650) a centralized team may exist
       * before products without any adopter make it premature (90).
       * @visibility frontend
       */
      prematureCentralizationDays?: number;
    };

    /**
     * Weight per check id, e.g. `composition.team-size: 3`. A weight of 0
     * keeps a check visible without counting it. Custom checks can be
     * weighted the same way.
     * @visibility frontend
     */
    weights?: { [checkId: string]: number };

    /**
     * Lowest score of each level: gold (90), silver (75), bronze (50).
     * @visibility frontend
     */
    levels?: {
      /** @visibility frontend */
      gold?: number;
      /** @visibility frontend */
      silver?: number;
      /** @visibility frontend */
      bronze?: number;
    };

    /**
     * Feature teams rebuilding an uncovered concern before it is a
     * candidate for a centralized team (3).
     * @visibility frontend
     */
    centralizeCandidateTeams?: number;

    /**
     * Longest waiver accepted, in days (365).
     * @visibility frontend
     */
    maxWaiverDays?: number;
  };
}
