import type {
  CheckResult,
  Report,
} from '@team-insights/plugin-team-insights-common';

function addCheckRefs(refs: Set<string>, checks: CheckResult[]) {
  for (const check of checks) {
    for (const ref of check.entities ?? []) {
      refs.add(ref.toLowerCase());
    }
  }
}

const refsCache = new WeakMap<Report, string[]>();

/**
 * Every entity ref the report names anywhere, in lower case and sorted:
 * the set whose visibility is checked for a caller.
 */
export function collectEntityRefs(report: Report): string[] {
  const cached = refsCache.get(report);
  if (cached) {
    return cached;
  }
  const refs = new Set<string>();
  const add = (ref: string | undefined) => {
    if (ref) refs.add(ref.toLowerCase());
  };
  for (const team of report.teams) {
    add(team.entityRef);
    add(team.parent);
    team.orgUnits.forEach(add);
    team.owned.forEach(add);
    for (const scorecard of Object.values(team.scorecards)) {
      addCheckRefs(refs, scorecard.checks);
    }
  }
  for (const unit of report.orgUnits) {
    add(unit.entityRef);
    add(unit.parent);
    unit.teamRefs.forEach(add);
  }
  for (const entity of report.entities) {
    add(entity.entityRef);
    add(entity.owner);
    addCheckRefs(refs, entity.scorecards.documentation.checks);
  }
  for (const product of report.products) {
    add(product.entityRef);
    add(product.owner);
    product.adopters.forEach(add);
    product.declinedBy.forEach(add);
    product.declineReasons?.forEach(r => add(r.teamRef));
  }
  for (const concern of report.concerns) {
    concern.builtBy.forEach(add);
    concern.products.forEach(add);
    concern.declined?.forEach(add);
  }
  for (const finding of report.findings) {
    add(finding.entityRef);
    finding.entityRefs?.forEach(add);
  }
  const sorted = [...refs].sort();
  refsCache.set(report, sorted);
  return sorted;
}
