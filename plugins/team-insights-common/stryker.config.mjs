// Mutation testing of the scoring engine (`yarn test:mutation` at the root).
// Not part of CI: it runs the engine's tests once per mutant and takes long on
// a small machine. See docs/testing.md for the score and the survivors.
// @ts-check
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'stryker.jest.config.js',
    enableFindRelatedTests: true,
  },
  // Checks, scoring, parsers and the organisation model. Narrow it to one
  // file with `--mutate src/scoring.ts` (a few minutes each on two cores);
  // two runs side by side need their own `--tempDirName`.
  mutate: [
    'src/checks/adoption/*.ts',
    'src/checks/composition/*.ts',
    'src/checks/documentation/*.ts',
    'src/checks/helpers.ts',
    'src/scoring.ts',
    'src/parsers/*.ts',
    'src/model/*.ts',
  ],
  coverageAnalysis: 'perTest',
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  timeoutMS: 60000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
