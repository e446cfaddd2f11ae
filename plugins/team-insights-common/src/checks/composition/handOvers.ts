import { ANNOTATION_PRODUCT } from '../../annotations';
import type { TeamInsightsConfig } from '../../config';
import type { OrganisationModel, TeamInfo } from '../../model';
import type { CheckResult } from '../../types';
import {
  compareStrings,
  kindOfRef,
  listNames,
  plural,
  sortedUnique,
} from '../../util';
import {
  annotationLines,
  annotationsYaml,
  builtIn,
  entityYaml,
  gradeAtMost,
} from '../helpers';

/** The built-in check `composition.hand-overs`. */
export function handOvers(
  team: TeamInfo,
  model: OrganisationModel,
  config: TeamInsightsConfig,
): CheckResult {
  const id = 'composition.hand-overs';
  const t = config.thresholds.handOvers;
  const via = new Map<string, Set<string>>();
  const consider = (target: string) => {
    if (model.isProduct(target)) return;
    for (const owner of model.ownerRefs(target)) {
      const other = model.teamsByRef.get(owner);
      if (!other || owner === team.entityRef) continue;
      if (other.teamType === 'centralized') continue;
      let set = via.get(owner);
      if (!set) {
        set = new Set();
        via.set(owner, set);
      }
      set.add(target);
    }
  };
  for (const target of team.dependsOn) {
    consider(target);
    if (kindOfRef(target) === 'api') {
      // an API is reached through the Components that provide it
      for (const provider of model.providerRefs(target)) {
        consider(provider);
      }
    }
  }
  const teams = Array.from(via.keys()).sort(compareStrings);
  const named = teams.map(
    t2 => `${t2} (${listNames(sortedUnique(via.get(t2)!), 3)})`,
  );
  const message =
    teams.length === 0
      ? 'Depends on no non-product entity of another team.'
      : `Depends on non-product entities of ${plural(
          teams.length,
          'other team',
          'other teams',
        )}: ${listNames(named, 10)}.`;
  const status = gradeAtMost(teams.length, t.maxPass, t.maxWarn);
  // the first entity used, in its own shape, as the example to make a product
  const productYaml = () => {
    const example = teams.length
      ? sortedUnique(via.get(teams[0])!)
          .map(ref => ({ ref, entity: model.entity(ref) }))
          .find(e => e.entity)
      : undefined;
    return example?.entity
      ? `, e.g. ${example.ref}:\n\n${entityYaml(example.entity, {
          metadata: annotationLines(example.entity, {
            [ANNOTATION_PRODUCT]: 'true',
          }),
        })}`
      : `:\n\n${annotationsYaml({ [ANNOTATION_PRODUCT]: 'true' })}`;
  };
  return builtIn(
    config,
    id,
    status,
    message,
    () =>
      `Each dependency on another team’s internals is a hand-over: that team has to refine and plan its part. Ask those teams to expose what you use as a self-service product, or move the entity into this team. An entity becomes a product with \`${ANNOTATION_PRODUCT}: 'true'\` in its catalog-info.yaml${productYaml()}`,
    teams,
  );
}
