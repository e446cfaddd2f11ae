import type {
  ConcernReport,
  EntityReport,
  Finding,
  OrgUnitReport,
  ProductReport,
  TeamReport,
} from '@team-insights/plugin-team-insights-common';
import { refFilter } from '../../schema/entityRefs';
import * as models from '../../schema/models';

/**
 * For each part of the report, a filter that takes out every entity ref its
 * model marks and `keep` turns down. ReportFilter runs it last on each part
 * it returns: the parts' own rules (roll-ups, masked texts) come first, and
 * a ref field added to a model later is never served to a caller who may
 * not see the entity, even before a rule is written for it.
 */
export const withoutHiddenRefs = {
  team: refFilter<TeamReport>(models.TeamReport),
  orgUnit: refFilter<OrgUnitReport>(models.OrgUnitReport),
  entity: refFilter<EntityReport>(models.EntityReport),
  product: refFilter<ProductReport>(models.ProductReport),
  concern: refFilter<ConcernReport>(models.ConcernReport),
  finding: refFilter<Finding>(models.Finding),
};
