import { ANNOTATION_DECLINED_PRODUCTS } from '../../annotations';
import type { TeamInsightsConfig } from '../../config';
import type { OrganisationModel, TeamInfo } from '../../model';
import type { CheckResult } from '../../types';
import {
  annotationOf,
  compareStrings,
  listNames,
  plural,
  sortedUnique,
} from '../../util';
import { annotationLines, builtIn, teamYaml } from '../helpers';
import { adoptYaml } from './snippets';

/** The built-in check `adoption.reuse`. */
export function reuseCheck(
  team: TeamInfo,
  model: OrganisationModel,
  config: TeamInsightsConfig,
): CheckResult {
  const id = 'adoption.reuse';
  // concerns the team builds itself, with the entities that carry them
  const built = new Map<string, string[]>();
  for (const ref of team.owned) {
    const view = model.documentables.get(ref);
    if (!view || view.product || !view.concern) continue;
    const carriers = built.get(view.concern);
    if (carriers) carriers.push(ref);
    else built.set(view.concern, [ref]);
  }
  if (built.size === 0) {
    return builtIn(
      config,
      id,
      'pass',
      'The team builds no cross-cutting concern itself.',
    );
  }
  const declined = new Set(team.declinedProducts);
  const gaps: string[] = [];
  const named: string[] = [];
  const alternatives: string[] = [];
  // the first entity that rebuilds a covered concern, and what to use instead
  let adopt: { ref: string; product: string } | undefined;
  const concerns = Array.from(built.keys()).sort(compareStrings);
  for (const concern of concerns) {
    const candidates = model
      .productsWithConcern(concern)
      .filter(
        p =>
          !model.ownerRefs(p.entityRef).includes(team.entityRef) &&
          !declined.has(p.entityRef) &&
          !model.isAdopter(team.entityRef, p.entityRef),
      );
    if (candidates.length === 0) continue;
    gaps.push(concern);
    alternatives.push(...candidates.map(c => c.entityRef));
    adopt ??= {
      ref: built.get(concern)![0],
      product: candidates[0].entityRef,
    };
    named.push(
      `${concern}: builds ${listNames(
        built.get(concern)!,
        3,
      )} while ${listNames(
        candidates.map(c => `${c.entityRef}${c.owner ? ` of ${c.owner}` : ''}`),
        3,
      )} covers it`,
    );
  }
  if (gaps.length === 0) {
    return builtIn(
      config,
      id,
      'pass',
      `Builds ${plural(
        concerns.length,
        'concern',
        'concerns',
      )} itself (${listNames(
        concerns,
        10,
      )}); no other team's product covers them that the team has not adopted or declined.`,
    );
  }
  return builtIn(
    config,
    id,
    'warn',
    `Rebuilds ${plural(
      gaps.length,
      'cross-cutting concern',
      'cross-cutting concerns',
    )} that a platform product covers, neither adopted nor declined — ${named.join(
      '; ',
    )}.`,
    [
      `Try the product: using it (a \`dependsOn\` or \`consumesApis\` of one of your entities) makes the team an adopter${adoptYaml(
        adopt!,
        model,
      )}`,
      `Adoption is opt-in: if it does not fit, decline it consciously and tell its team why:`,
      teamYaml(team, {
        metadata: annotationLines(
          team.entity,
          {
            // what it declines today, as written, then each product to
            // decline with the reason its team learns from
            [ANNOTATION_DECLINED_PRODUCTS]: [
              annotationOf(team.entity, ANNOTATION_DECLINED_PRODUCTS)?.trim(),
              ...sortedUnique(alternatives).map(p => `${p}: <your-reason>`),
            ]
              .filter(Boolean)
              .join(', '),
          },
          {
            [ANNOTATION_DECLINED_PRODUCTS]:
              'placeholder: why it does not fit (a sentence, no , or ;)',
          },
        ),
      }),
    ].join('\n\n'),
    alternatives,
  );
}
