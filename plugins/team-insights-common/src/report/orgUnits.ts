import type { ReportMeta } from '../api';
import type { OrgUnitReport } from '../types';

/** An organisational unit by name, for a picker. @public */
export interface OrgUnitName {
  /** The unit's Group ref. */
  entityRef: string;
  /** The unit's title, as the report has it. */
  title: string;
}

/** `GET /org-units` @public */
export interface OrgUnitsResponse extends ReportMeta {
  /** The organisational units the caller may see, in the report's order (by ref). */
  items: OrgUnitName[];
}

/**
 * The ref and title of each of `units`, in the order given, and nothing
 * else: what a view that only picks a unit needs of the report's units.
 * The backend answers `GET /v1/org-units` with it over the units a caller
 * may see.
 * @public
 */
export function orgUnitNames(units: readonly OrgUnitReport[]): OrgUnitName[] {
  return units.map(unit => ({ entityRef: unit.entityRef, title: unit.title }));
}
