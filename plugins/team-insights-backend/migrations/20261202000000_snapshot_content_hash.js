// @ts-check

/**
 * A hash of each snapshot's content apart from its `evaluatedAt`, so that a
 * refresh whose report did not change moves the newest snapshot's
 * `evaluated_at` instead of writing the same compressed report again.
 *
 * Snapshots written before have no hash; the next refresh writes a new one.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('team_insights_snapshots', table => {
    table
      .string('content_hash', 64)
      .nullable()
      .comment('sha256 (hex) of the report JSON without its evaluatedAt');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('team_insights_snapshots', table => {
    table.dropColumn('content_hash');
  });
};
