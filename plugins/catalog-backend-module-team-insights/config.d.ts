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
  };
}
