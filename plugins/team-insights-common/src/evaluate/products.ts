import type { EntityView } from '../customChecks';
import { OrganisationModel } from '../model';
import { ProductReport } from '../types';
import { orderKeys } from './ordering';

export function productReport(
  view: EntityView,
  model: OrganisationModel,
  featureTeams: Set<string>,
  docScoreByRef: Map<string, number | null>,
): ProductReport {
  const adopters = model.adoptersOf(view.entityRef);
  const owners = model.ownerRefs(view.entityRef);
  // feature teams other than the owner: the adoption rate's denominator
  const eligible =
    featureTeams.size - owners.filter(o => featureTeams.has(o)).length;
  const adoptedBy = adopters.filter(t => featureTeams.has(t)).length;
  const report: ProductReport = {
    entityRef: view.entityRef,
    mandatory: view.mandatory,
    adopters,
    declinedBy: model.declinersOf(view.entityRef),
    adoptionRate:
      eligible > 0 ? Math.round((adoptedBy / eligible) * 10000) / 10000 : 0,
    documentationScore: docScoreByRef.get(view.entityRef) ?? null,
  };
  if (view.owner) report.owner = view.owner;
  if (view.concern) report.concern = view.concern;
  const reasons = model.declineReasonsOf(view.entityRef);
  if (reasons.length) report.declineReasons = reasons;
  return orderKeys(report, [
    'entityRef',
    'owner',
    'mandatory',
    'concern',
    'adopters',
    'declinedBy',
    'declineReasons',
    'adoptionRate',
    'documentationScore',
  ]);
}

/** The teams that declined every one of the products. */
export function declinedAll(
  model: OrganisationModel,
  teams: string[],
  products: string[],
): string[] {
  if (!products.length) return [];
  const decliners = products.map(p => new Set(model.declinersOf(p)));
  return teams.filter(team => decliners.every(set => set.has(team)));
}
