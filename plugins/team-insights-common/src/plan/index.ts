export { applyPlan } from './applyPlan';
export type { AppliedPlan } from './applyPlan';
export { comparePlan } from './comparePlan';
export type { PlanComparison, PlanScore, PlanTeamChange } from './comparePlan';
export { formatEntityEdit } from './edits';
export { formatPlanMarkdown, formatPlanYaml } from './format';
export { parsePlan } from './parsePlan';
export { PLAN_CHANGE_KINDS } from './types';
export type { EntityEdit, Plan, PlanChange, PlanChangeKind } from './types';
export { suggestStaffing } from './staffing';
export type {
  StaffingGap,
  StaffingOptions,
  StaffingPlan,
  StaffingSuggestion,
} from './staffing';
