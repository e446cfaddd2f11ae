import type { Config } from '@backstage/config';
import { TEAM_TYPES } from '../types';
import { isPrototypeKey, isSlug, quote } from '../util';
import {
  cloneConfig,
  clusterLookup,
  DEFAULT_SKILL_CLUSTERS,
  defaultTeamInsightsConfig,
} from './defaults';
import type { ConfigProblems } from './problems';
import type { SkillCluster, TeamInsightsConfig } from './types';

/** Reads `skillClusters`, merged with the defaults unless replaced. */
export function readClusters(
  problems: ConfigProblems,
  config: Config,
): SkillCluster[] {
  const replace =
    problems.read('replaceDefaultSkillClusters', () =>
      config.getOptionalBoolean('replaceDefaultSkillClusters'),
    ) ?? false;
  const configured =
    problems.read('skillClusters', () =>
      config.getOptionalConfigArray('skillClusters'),
    ) ?? [];
  const result: SkillCluster[] = replace
    ? []
    : DEFAULT_SKILL_CLUSTERS.map(c => ({
        ...c,
        aliases: c.aliases ? [...c.aliases] : undefined,
      }));
  configured.forEach((entry, index) => {
    const key = `skillClusters[${index}]`;
    const rawId = problems.read(`${key}.id`, () => entry.getString('id'));
    if (rawId === undefined) return;
    const id = rawId.trim().toLowerCase();
    if (!isSlug(id) || isPrototypeKey(id)) {
      problems.add(
        `${key}.id`,
        `${quote(
          rawId,
        )} is not a valid id; use lower-case letters, digits and dashes, e.g. 'ml-engineer'`,
      );
      return;
    }
    const title =
      problems.read(`${key}.title`, () => entry.getOptionalString('title')) ??
      id;
    const description = problems.read(`${key}.description`, () =>
      entry.getOptionalString('description'),
    );
    const rawAliases =
      problems.read(`${key}.aliases`, () =>
        entry.getOptionalStringArray('aliases'),
      ) ?? [];
    const aliases: string[] = [];
    for (const rawAlias of rawAliases) {
      const alias = rawAlias.trim().toLowerCase();
      if (!isSlug(alias) || isPrototypeKey(alias)) {
        problems.add(
          `${key}.aliases`,
          `${quote(
            rawAlias,
          )} is not a valid alias; use lower-case letters, digits and dashes`,
        );
      } else if (!aliases.includes(alias)) {
        aliases.push(alias);
      }
    }
    const cluster: SkillCluster = {
      id,
      title,
      ...(description !== undefined ? { description } : {}),
      ...(aliases.length ? { aliases } : {}),
    };
    const existing = result.findIndex(c => c.id === id);
    if (existing >= 0) {
      // the same id again: the configured cluster replaces the default one,
      // keeping its aliases unless new ones are given
      result[existing] = {
        ...cluster,
        aliases: aliases.length ? aliases : result[existing].aliases,
      };
    } else {
      result.push(cluster);
    }
  });
  if (result.length === 0) {
    problems.add(
      'skillClusters',
      'no skill clusters left; list at least one cluster or set replaceDefaultSkillClusters to false',
    );
    return cloneConfig(defaultTeamInsightsConfig).skillClusters;
  }
  // ids and aliases must each mean exactly one cluster
  const owners = new Map<string, string>();
  for (const cluster of result) owners.set(cluster.id, cluster.id);
  for (const cluster of result) {
    for (const alias of cluster.aliases ?? []) {
      const owner = owners.get(alias);
      if (owner !== undefined && owner !== cluster.id) {
        problems.add(
          'skillClusters',
          `alias '${alias}' of '${cluster.id}' is already the id or an alias of '${owner}'`,
        );
      } else {
        owners.set(alias, cluster.id);
      }
    }
  }
  return result;
}

/** Reads `teamTypes.<type>.requiredSkills`, resolving aliases. */
export function readTeamTypes(
  problems: ConfigProblems,
  section: Config,
  skillClusters: SkillCluster[],
): TeamInsightsConfig['teamTypes'] {
  const d = defaultTeamInsightsConfig;
  const lookup = clusterLookup({ ...d, skillClusters });
  const teamTypes = {} as TeamInsightsConfig['teamTypes'];
  const typesSection = problems.read('teamTypes', () =>
    section.getOptionalConfig('teamTypes'),
  );
  for (const key of typesSection?.keys() ?? []) {
    if (!(TEAM_TYPES as readonly string[]).includes(key)) {
      problems.add(
        `teamTypes.${key}`,
        `unknown team type; use one of ${TEAM_TYPES.join(', ')}`,
      );
    }
  }
  for (const type of TEAM_TYPES) {
    const raw = typesSection
      ? problems.read(`teamTypes.${type}.requiredSkills`, () =>
          typesSection.getOptionalStringArray(`${type}.requiredSkills`),
        )
      : undefined;
    if (raw === undefined) {
      teamTypes[type] = {
        requiredSkills: d.teamTypes[type].requiredSkills.filter(id =>
          lookup.has(id),
        ),
      };
      continue;
    }
    const requiredSkills: string[] = [];
    for (const item of raw) {
      const id = lookup.get(item.trim().toLowerCase());
      if (id === undefined) {
        problems.add(
          `teamTypes.${type}.requiredSkills`,
          `unknown skill cluster ${quote(
            item,
          )}; known clusters are ${skillClusters.map(c => c.id).join(', ')}`,
        );
      } else if (!requiredSkills.includes(id)) {
        requiredSkills.push(id);
      }
    }
    teamTypes[type] = { requiredSkills };
  }

  return teamTypes;
}
