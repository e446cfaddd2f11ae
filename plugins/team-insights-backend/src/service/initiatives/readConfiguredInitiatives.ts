import type {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  BuiltInCheckInfo,
  Initiative,
  readInitiatives,
} from '@team-insights/plugin-team-insights-common';

/**
 * The valid initiatives of `teamInsights.initiatives`. Each invalid one is
 * logged with its key path and skipped: a mistake in one initiative never
 * stops the backend. A target check that no scorecard runs is logged too
 * (the initiative is kept: no team can meet it until the check exists).
 */
export function readConfiguredInitiatives(
  config: RootConfigService,
  checks: BuiltInCheckInfo[],
  logger: LoggerService,
): Initiative[] {
  let raw: unknown;
  try {
    raw = config.getOptional('teamInsights.initiatives');
  } catch (error) {
    raw = error;
  }
  const { initiatives, problems } = readInitiatives(raw);
  for (const problem of problems) {
    logger.warn(
      `Team Insights skips an initiative: ${problem.path}: ${problem.message}`,
    );
  }
  const known = new Set(checks.map(check => check.id));
  initiatives.forEach(initiative => {
    if (!('checks' in initiative.target)) return;
    const unknown = initiative.target.checks.filter(id => !known.has(id));
    if (unknown.length) {
      logger.warn(
        `Team Insights initiative '${
          initiative.id
        }' targets checks no scorecard runs: ${unknown.join(
          ', ',
        )}; no team can meet them`,
      );
    }
  });
  if (initiatives.length) {
    logger.info(
      `Team Insights follows ${initiatives.length} initiatives: ${initiatives
        .map(i => i.id)
        .join(', ')}`,
    );
  }
  return initiatives;
}
