export interface Config {
  teamInsights?: {
    /** How the catalog module treats Team Insights annotations. */
    catalog?: {
      /**
       * When true, annotation errors (an unknown skill cluster, a waiver
       * without a date, ...) become processing errors of the entity, listed
       * among the catalog's entity errors. The catalog does not ingest a new
       * entity with processing errors and stops updating an existing one, so
       * the default is false: entities are always ingested and the findings
       * show in the scorecards instead.
       */
      strict?: boolean;
    };
    /**
     * Skills sources: mapping files that give Users their
     * `team-insights.io/skills`, kept where the organisation keeps the data
     * (an HR export, a skills inventory). CSV with a header row naming the
     * columns `user` and `skills`, or a YAML list of `{ user, skills }`.
     * Read again on the catalog's processing interval; see
     * docs/annotations.md.
     */
    skillsSources?: Array<{
      /**
       * A URL the backend can read (a file in a repository, through the
       * `integrations` config) or a local file path, relative to the
       * backend's working folder like the catalog's file locations.
       */
      target: string;
      /**
       * Which wins when a User carries its own `team-insights.io/skills`:
       * `entity` (the default) keeps the annotation, `source` replaces it.
       * When several sources list the same person, the first one listed
       * here gives them their skills.
       */
      precedence?: 'entity' | 'source';
    }>;
  };
}
