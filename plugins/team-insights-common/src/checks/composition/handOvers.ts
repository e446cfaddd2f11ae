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

/** An entity another team owns, reached through a dependency. */
interface HandOver {
  owner: string;
  entity: string;
}

/**
 * The hand-overs a dependency on each target means, whoever depends on it:
 * the non-centralized teams owning the target, unless it is a product, and
 * for an API the same for each Component providing it. Many teams depend on
 * the same entities, so each target is read once per model.
 */
const handOversByModel = new WeakMap<
  OrganisationModel,
  Map<string, readonly HandOver[]>
>();

function handOversOf(
  model: OrganisationModel,
  byTarget: Map<string, readonly HandOver[]>,
  target: string,
): readonly HandOver[] {
  let found = byTarget.get(target);
  if (found) return found;
  const list: HandOver[] = [];
  const consider = (entity: string) => {
    if (model.isProduct(entity)) return;
    for (const owner of model.ownerRefs(entity)) {
      const other = model.teamsByRef.get(owner);
      if (!other || other.teamType === 'centralized') continue;
      list.push({ owner, entity });
    }
  };
  consider(target);
  if (kindOfRef(target) === 'api') {
    // an API is reached through the Components that provide it
    for (const provider of model.providerRefs(target)) {
      consider(provider);
    }
  }
  found = list;
  byTarget.set(target, found);
  return found;
}

/** The built-in check `composition.hand-overs`. */
export function handOvers(
  team: TeamInfo,
  model: OrganisationModel,
  config: TeamInsightsConfig,
): CheckResult {
  const id = 'composition.hand-overs';
  const t = config.thresholds.handOvers;
  const via = new Map<string, Set<string>>();
  let byTarget = handOversByModel.get(model);
  if (!byTarget) {
    byTarget = new Map();
    handOversByModel.set(model, byTarget);
  }
  for (const target of team.dependsOn) {
    for (const { owner, entity } of handOversOf(model, byTarget, target)) {
      if (owner === team.entityRef) continue;
      let set = via.get(owner);
      if (!set) {
        set = new Set();
        via.set(owner, set);
      }
      set.add(entity);
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
