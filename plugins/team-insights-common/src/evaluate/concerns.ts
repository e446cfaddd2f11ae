import { TeamInsightsConfig } from '../config';
import { OrganisationModel } from '../model';
import { ConcernReport, ConcernVerdict } from '../types';
import { compareStrings, sortedUnique } from '../util';
import { declinedAll } from './products';

export function concernReports(
  model: OrganisationModel,
  config: TeamInsightsConfig,
): ConcernReport[] {
  const builtBy = new Map<string, Set<string>>();
  const products = new Map<string, Set<string>>();
  const ensure = (map: Map<string, Set<string>>, key: string) => {
    let set = map.get(key);
    if (!set) {
      set = new Set();
      map.set(key, set);
    }
    return set;
  };
  for (const view of model.documentables.values()) {
    if (!view.concern) continue;
    if (view.product) {
      ensure(products, view.concern).add(view.entityRef);
      ensure(builtBy, view.concern);
      continue;
    }
    const set = ensure(builtBy, view.concern);
    ensure(products, view.concern);
    for (const owner of model.ownerRefs(view.entityRef)) {
      const team = model.teamsByRef.get(owner);
      if (team && team.teamType !== 'centralized') set.add(owner);
    }
  }
  return Array.from(builtBy.keys())
    .sort(compareStrings)
    .map(concern => {
      const teams = sortedUnique(builtBy.get(concern)!);
      const covering = sortedUnique(products.get(concern) ?? []);
      let verdict: ConcernVerdict;
      if (covering.length) verdict = teams.length ? 'rebuilt' : 'covered';
      else if (teams.length >= config.centralizeCandidateTeams) {
        verdict = 'centralize-candidate';
      } else verdict = 'local';
      const declined = declinedAll(model, teams, covering);
      return {
        concern,
        builtBy: teams,
        products: covering,
        ...(declined.length ? { declined } : {}),
        verdict,
      };
    });
}
