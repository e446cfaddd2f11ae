// The jest configuration `backstage-cli package test` uses, for StrykerJS's
// jest runner (which reads a config file, not the CLI). A function, because
// Backstage's config module exports a promise.
module.exports = () => require('@backstage/cli/config/jest');
