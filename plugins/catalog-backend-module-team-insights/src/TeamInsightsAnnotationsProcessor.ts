import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  lintEntity,
  TeamInsightsConfig,
} from '@team-insights/plugin-team-insights-common';

/**
 * Options of {@link TeamInsightsAnnotationsProcessor}.
 *
 * @public
 */
export interface TeamInsightsAnnotationsProcessorOptions {
  /** The engine's configuration (skill clusters, team types, ...). */
  config: TeamInsightsConfig;
  /**
   * Report annotation errors as processing errors of the entity. Default
   * false: never block ingestion.
   */
  strict?: boolean;
  logger: LoggerService;
  /** The current time, for waiver dates. */
  now?: () => Date;
}

/**
 * Checks the Team Insights annotations of every entity the catalog processes,
 * with the same rules as the scorecards.
 *
 * @remarks
 *
 * Lenient by default: the entity is ingested unchanged and the findings are
 * only logged at debug level (the scorecards show them). In strict mode each
 * `error` finding becomes an input error of the entity, which the catalog
 * lists among the entity's processing errors.
 *
 * @public
 */
export class TeamInsightsAnnotationsProcessor implements CatalogProcessor {
  readonly #config: TeamInsightsConfig;
  readonly #strict: boolean;
  readonly #logger: LoggerService;
  readonly #now: () => Date;

  constructor(options: TeamInsightsAnnotationsProcessorOptions) {
    this.#config = options.config;
    this.#strict = options.strict ?? false;
    this.#logger = options.logger;
    this.#now = options.now ?? (() => new Date());
  }

  getProcessorName(): string {
    return 'TeamInsightsAnnotationsProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    let findings;
    try {
      findings = lintEntity(entity, { config: this.#config, now: this.#now() });
    } catch (error) {
      // The engine never throws on bad input; if it ever does, ingestion
      // must not suffer for it.
      this.#logger.warn(
        `Team Insights could not check the annotations of ${entity.kind}:${entity.metadata?.name}: ${error}`,
      );
      return entity;
    }
    for (const finding of findings) {
      const text = finding.annotation
        ? `${finding.annotation}: ${finding.message}`
        : finding.message;
      if (this.#strict && finding.severity === 'error') {
        emit(processingResult.inputError(location, `Team Insights: ${text}`));
      } else {
        this.#logger.debug(
          `Team Insights ${finding.severity} on ${finding.entityRef}: ${text}`,
        );
      }
    }
    return entity;
  }
}
