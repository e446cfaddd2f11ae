module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  overrides: [
    {
      // The benchmark harness (a bench backend and the runner) is development
      // tooling of this private package: like a plugin's dev/ folder, it
      // builds on devDependencies, which no published package pulls in.
      files: ['src/backend/**', 'src/bench/**'],
      rules: { '@backstage/no-undeclared-imports': 'off' },
    },
  ],
});
