export { catalogPages } from './catalogPages';
export { EvaluationWorker } from './evaluateInWorker';
export type { WorkerEvaluation } from './evaluateInWorker';
export { serialiseReport, EVALUATED_AT_PLACEHOLDER } from './reportContent';
export type { ReportContent } from './reportContent';
