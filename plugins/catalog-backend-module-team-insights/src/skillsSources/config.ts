import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import {
  SKILLS_SOURCE_PRECEDENCES,
  SkillsSourcePrecedence,
} from '@team-insights/plugin-team-insights-common';
import type { SkillsSourceConfig } from './TeamInsightsSkillsSourceProcessor';

/**
 * Reads `teamInsights.skillsSources`.
 * @throws InputError naming the key of a malformed entry.
 */
export function readSkillsSources(config: Config): SkillsSourceConfig[] {
  const entries =
    config.getOptionalConfigArray('teamInsights.skillsSources') ?? [];
  return entries.map((entry, index) => {
    const key = `teamInsights.skillsSources[${index}]`;
    const target = entry.getString('target').trim();
    if (!target) {
      throw new InputError(`${key}.target must not be empty`);
    }
    const precedence = entry.getOptionalString('precedence') ?? 'entity';
    if (
      !(SKILLS_SOURCE_PRECEDENCES as readonly string[]).includes(precedence)
    ) {
      throw new InputError(
        `${key}.precedence must be one of ${SKILLS_SOURCE_PRECEDENCES.join(
          ', ',
        )}; got '${precedence}'`,
      );
    }
    return { target, precedence: precedence as SkillsSourcePrecedence };
  });
}

/**
 * The catalog's processing interval (`catalog.processingInterval`), which is
 * how often the catalog processes each entity: 100 s unless configured.
 */
export function readProcessingIntervalMs(config: Config): number {
  const key = 'catalog.processingInterval';
  if (!config.has(key) || !config.get(key)) return 100_000;
  return durationToMilliseconds(readDurationFromConfig(config, { key }));
}
