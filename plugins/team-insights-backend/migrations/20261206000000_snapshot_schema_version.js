// @ts-check

/**
 * The version of the report format each snapshot holds, so that a replica
 * never serves a snapshot it cannot read: one written by a newer release
 * during a rolling upgrade, or by anything else. A replica skips a snapshot
 * of another version and keeps serving its own report.
 *
 * Snapshots written before hold version 1, the only format there has been.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('team_insights_snapshots', table => {
    table
      .integer('schema_version')
      .notNullable()
      .defaultTo(1)
      .comment('version of the report format in this snapshot');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('team_insights_snapshots', table => {
    table.dropColumn('schema_version');
  });
};
