import { stringify } from 'yaml';

/** Options of {@link benchBackendConfig}. */
export interface BenchBackendConfigOptions {
  port: number;
  /** Entities of the synthetic organisation in the catalog. */
  size: number;
  seed: number;
  /** Static token for `backend.auth.externalAccess`. */
  token: string;
  /**
   * Folder of the catalog's SQLite file (`catalog.sqlite`), so that an
   * ingested organisation can be reused by the next run. Default: in
   * memory, like the other plugins.
   */
  catalogDatabaseDir?: string;
  /**
   * Every plugin on PostgreSQL instead (the set-up of several replicas):
   * each plugin in a database named `<prefix><pluginId>`, the catalog in
   * `catalogDatabase` so that it can be reused by the next run.
   */
  postgres?: {
    connection: Record<string, string | number>;
    prefix: string;
    catalogDatabase: string;
  };
}

/** A cron expression that does not come round during a benchmark. */
const YEARLY = '0 0 1 1 *';

/** The Tech Insights checks compared with Team Insights' scorecards. */
export const TECH_INSIGHTS_CHECKS = [
  'titleCheck',
  'descriptionCheck',
  'tagsCheck',
  'techDocsCheck',
] as const;

function booleanCheck(
  name: string,
  description: string,
  factId: string,
  fact: string,
) {
  return {
    type: 'json-rules-engine',
    name,
    description,
    factIds: [factId],
    rule: {
      conditions: {
        all: [{ fact, operator: 'equal', value: true }],
      },
    },
  };
}

/**
 * The app-config of the bench backend, as YAML. Everything runs in one
 * process on 127.0.0.1 with in-memory SQLite. Scheduled work is moved out of
 * the way so that the benchmark decides when things run: Team Insights
 * evaluates once at start-up and then only when asked, Tech Insights'
 * retrievers once at start-up and then only when triggered, and the catalog processes each entity
 * once (its periodic re-processing of every entity is the catalog's own
 * cost and would add noise to every figure).
 */
export function benchBackendConfig(options: BenchBackendConfigOptions): string {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  return stringify({
    app: { baseUrl: 'http://127.0.0.1:3000' },
    backend: {
      baseUrl,
      listen: { host: '127.0.0.1', port: options.port },
      database: options.postgres
        ? {
            client: 'pg',
            connection: options.postgres.connection,
            prefix: options.postgres.prefix,
            plugin: {
              catalog: {
                connection: { database: options.postgres.catalogDatabase },
              },
            },
          }
        : {
            client: 'better-sqlite3',
            connection: ':memory:',
            ...(options.catalogDatabaseDir
              ? {
                  plugin: {
                    catalog: {
                      connection: {
                        directory: options.catalogDatabaseDir,
                        filename: 'catalog.sqlite',
                      },
                    },
                  },
                }
              : {}),
          },
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: { token: options.token, subject: 'team-insights-bench' },
          },
        ],
      },
    },
    auth: {
      environment: 'development',
      providers: { guest: { dangerouslyAllowOutsideDevelopment: true } },
    },
    permission: { enabled: true },
    catalog: {
      processingInterval: { hours: 24 },
      rules: [
        {
          allow: [
            'Component',
            'System',
            'API',
            'Resource',
            'Location',
            'Domain',
            'Group',
            'User',
          ],
        },
      ],
    },
    teamInsights: {
      refresh: {
        frequency: { hours: 24 },
        timeout: { minutes: 10 },
      },
    },
    techInsights: {
      factRetrievers: {
        entityMetadataFactRetriever: {
          cadence: YEARLY,
          initialDelay: { seconds: 1 },
          timeout: { minutes: 10 },
          // Keep only the latest facts per entity, as Team Insights keeps
          // only the latest report: facts do not pile up between runs.
          lifecycle: { maxItems: 1 },
        },
        techdocsFactRetriever: {
          cadence: YEARLY,
          initialDelay: { seconds: 1 },
          timeout: { minutes: 10 },
          // Keep only the latest facts per entity, as Team Insights keeps
          // only the latest report: facts do not pile up between runs.
          lifecycle: { maxItems: 1 },
        },
      },
      factChecker: {
        checks: {
          titleCheck: booleanCheck(
            'Title',
            'The entity has a title',
            'entityMetadataFactRetriever',
            'hasTitle',
          ),
          descriptionCheck: booleanCheck(
            'Description',
            'The entity has a description',
            'entityMetadataFactRetriever',
            'hasDescription',
          ),
          tagsCheck: booleanCheck(
            'Tags',
            'The entity has tags',
            'entityMetadataFactRetriever',
            'hasTags',
          ),
          techDocsCheck: booleanCheck(
            'TechDocs',
            'The entity has TechDocs',
            'techdocsFactRetriever',
            'hasAnnotationBackstageIoTechdocsRef',
          ),
        },
      },
    },
    bench: {
      organisation: { size: options.size, seed: options.seed },
    },
  });
}
