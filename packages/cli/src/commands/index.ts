export { runLint } from './lint';
export type { LintOptions } from './lint';
export { runScore } from './score';
export type { ScoreOptions } from './score';
