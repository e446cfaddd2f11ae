import {
  AdoptionResponse,
  BuiltInCheckInfo,
  checkTallies,
  ChecksResponse,
  ConcernsResponse,
  orgUnitNames,
  OrgUnitsResponse,
  productAdoption,
  ProductsResponse,
  SkillClustersResponse,
  SkillsResponse,
  skillSupply,
  TeamInsightsConfig,
  teamSkills,
} from '@team-insights/plugin-team-insights-common';
import type { CallerContext } from './context';
import type { ResponseCache } from './ResponseCache';

/**
 * The supply of each skill cluster, and each team's clusters, over the
 * teams the caller may see (`GET /skills`); computed once per report for
 * callers who see everything.
 */
export function skills(
  { report, filter, meta, view }: CallerContext,
  config: TeamInsightsConfig,
  cache: ResponseCache,
): SkillsResponse {
  const compute = () => {
    const teams = filter.teams(report.teams);
    return {
      clusters: skillSupply(teams, config.skillClusters),
      teams: teamSkills(teams),
    };
  };
  if (!view.all) {
    return { ...meta, ...compute() };
  }
  return { ...meta, ...cache.aggregate(report, 'skills', compute) };
}

/**
 * Each platform product's adopters, decliners and adoption rate over the
 * teams the caller may see, and those feature teams (`GET /adoption`);
 * computed once per report for callers who see everything.
 */
export function productAdoptionOf(
  { report, filter, meta, view }: CallerContext,
  cache: ResponseCache,
): AdoptionResponse {
  const compute = () =>
    productAdoption({
      teams: filter.teams(report.teams),
      products: filter.products(report.products),
      entities: filter.entities(report.entities),
    });
  if (!view.all) {
    return { ...meta, ...compute() };
  }
  return { ...meta, ...cache.aggregate(report, 'adoption', compute) };
}

/**
 * Every check the engine runs with how many of the teams the caller may see
 * have it in each status (`GET /checks`); computed once per report for
 * callers who see everything.
 */
export function checksOf(
  { report, filter, meta, view }: CallerContext,
  catalogue: readonly BuiltInCheckInfo[],
  cache: ResponseCache,
): ChecksResponse {
  const compute = () => checkTallies(filter.teams(report.teams), catalogue);
  return {
    ...meta,
    checks: view.all ? cache.aggregate(report, 'checks', compute) : compute(),
  };
}

/** The organisational units the caller may see, by name (`GET /org-units`). */
export function orgUnitsOf({
  report,
  filter,
  meta,
}: CallerContext): OrgUnitsResponse {
  return {
    ...meta,
    items: orgUnitNames(
      report.orgUnits.filter(unit => filter.isVisible(unit.entityRef)),
    ),
  };
}

/** Platform products and the feature teams the caller may see. */
export function products({
  report,
  filter,
  meta,
}: CallerContext): ProductsResponse {
  return {
    ...meta,
    items: filter.products(report.products),
    featureTeams: filter
      .teams(report.teams.filter(team => team.teamType === 'feature'))
      .map(team => team.entityRef),
  };
}

/** Cross-cutting concerns the caller may see. */
export function concerns({
  report,
  filter,
  meta,
}: CallerContext): ConcernsResponse {
  return { ...meta, items: filter.concerns(report.concerns) };
}

/** The skill-cluster vocabulary and each team type's required clusters. */
export function skillClusters(
  config: TeamInsightsConfig,
): SkillClustersResponse {
  return {
    items: config.skillClusters.map(cluster => ({
      id: cluster.id,
      title: cluster.title,
      ...(cluster.description ? { description: cluster.description } : {}),
    })),
    teamTypes: {
      feature: {
        requiredSkills: [...config.teamTypes.feature.requiredSkills],
      },
      centralized: {
        requiredSkills: [...config.teamTypes.centralized.requiredSkills],
      },
      expertise: {
        requiredSkills: [...config.teamTypes.expertise.requiredSkills],
      },
    },
  };
}
