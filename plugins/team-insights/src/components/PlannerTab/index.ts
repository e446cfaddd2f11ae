export { PlannerTab } from './PlannerTab';
export { encodeDraft, decodeDraft, PLAN_PARAM } from './useDraft';
