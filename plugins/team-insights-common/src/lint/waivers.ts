/** The waivers of an entity, and whether each can have an effect on it. */
import { ANNOTATION_WAIVERS } from '../annotations';
import { BUILT_IN_CHECKS, BUILT_IN_CHECK_IDS } from '../catalogue';
import { newFinding } from '../findingCodes';
import { parseWaivers } from '../parsers';
import { DOCUMENTED_KINDS, isTeamSpec, kindLabel } from './kinds';
import type { EntityAnnotations, LintOptions, ReadContext } from './types';

/** Reads the waivers into `result`. */
export function readWaivers(
  ctx: ReadContext,
  result: EntityAnnotations,
  options: LintOptions,
) {
  const { entity, ref, kind } = ctx;
  const { findings } = result;
  const waivers = parseWaivers(ctx.read(ANNOTATION_WAIVERS), {
    entityRef: ref,
    config: ctx.config,
    now: options.now,
    checkIds: options.checkIds ?? BUILT_IN_CHECK_IDS,
  });
  findings.push(...waivers.findings);
  result.waivers = waivers.value;
  if (!waivers.value.length) return;
  const isTeam =
    kind === 'group' && (result.teamType !== undefined || isTeamSpec(entity));
  const applicable = waivableScorecards(kind, isTeam);
  for (const waiver of waivers.value) {
    const builtIn = BUILT_IN_CHECKS.find(c => c.id === waiver.checkId);
    if (builtIn && !applicable.includes(builtIn.scorecard)) {
      findings.push(
        newFinding({
          code: 'waiver.no-effect',
          entityRef: ref,
          annotation: ANNOTATION_WAIVERS,
          params: { checkId: waiver.checkId, scorecard: builtIn.scorecard },
          message: `waiver for '${
            waiver.checkId
          }' has no effect on a ${kindLabel(entity)}: it has no ${
            builtIn.scorecard
          } scorecard`,
        }),
      );
    }
  }
}

function waivableScorecards(kind: string, isTeam: boolean): string[] {
  if (kind === 'group') {
    return isTeam ? ['composition', 'adoption', 'documentation'] : [];
  }
  if (DOCUMENTED_KINDS.includes(kind)) return ['documentation'];
  return [];
}
