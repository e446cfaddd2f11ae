import { BUILT_IN_CHECKS } from '../catalogue';
import { teamDocumentationCheck } from '../checks/documentation';
import { TeamInsightsConfig, weightOf } from '../config';
import type { TeamInsightsCheck } from '../customChecks';
import { TeamInfo } from '../model';
import { levelOf, meanScore, scoreChecks } from '../scoring';
import { CheckResult, ScorecardResult } from '../types';
import { applyWaivers } from './waivers';

export interface DocumentationTemplate {
  id: string;
  title: string;
  weight: number;
}

/** The documentation checks, built-in then custom, as every entity has them. */
export function documentationTemplates(
  custom: TeamInsightsCheck[],
  config: TeamInsightsConfig,
): DocumentationTemplate[] {
  return [
    ...BUILT_IN_CHECKS.filter(c => c.scorecard === 'documentation'),
    ...custom,
  ].map(c => ({
    id: c.id,
    title: c.title,
    weight: weightOf(config, c.id, c.weight),
  }));
}

/**
 * A team's documentation scorecard: the score is the mean of its owned
 * entities' scores; each check reports the pass rate across them.
 */
export function teamDocumentation(
  team: TeamInfo,
  entityChecks: Map<string, CheckResult[]>,
  templates: DocumentationTemplate[],
  docScoreByRef: Map<string, number | null>,
  config: TeamInsightsConfig,
): ScorecardResult {
  const owned: string[] = [];
  // the checks of each entity of `owned`, at the same position
  const lists: CheckResult[][] = [];
  for (const ref of team.owned) {
    const list = entityChecks.get(ref);
    if (!list) continue;
    owned.push(ref);
    lists.push(list);
  }
  if (owned.length === 0) {
    return { score: null, level: null, checks: [] };
  }
  const teamWaivers = team.annotations.waivers.filter(w => w.active);
  const checks = templates.map((template, position) =>
    teamDocumentationCheck(
      template,
      owned,
      (_ref, index) => {
        // every entity's checks come in the templates' order
        const list = lists[index];
        return list[position]?.id === template.id
          ? list[position]
          : list.find(c => c.id === template.id);
      },
      config,
    ),
  );
  applyWaivers(checks, teamWaivers);
  const waivedIds = new Set(checks.filter(c => c.waived).map(c => c.id));
  const scores = owned.map((ref, index) => {
    if (waivedIds.size === 0) return docScoreByRef.get(ref) ?? null;
    const list = lists[index];
    return scoreChecks(
      list.map(c =>
        waivedIds.has(c.id) && !c.waived && c.status !== 'not-applicable'
          ? { ...c, waived: { until: '', reason: '' } }
          : c,
      ),
    );
  });
  const score = meanScore(scores);
  return {
    score,
    level: levelOf(score, config),
    checks,
  };
}
