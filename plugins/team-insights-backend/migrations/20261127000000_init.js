// @ts-check

/**
 * The tables of the Team Insights backend.
 *
 * - `team_insights_snapshots`: the latest evaluated reports (gzip-compressed
 *   JSON), so that every replica serves the report the scheduled task of any
 *   replica produced.
 * - `team_insights_refreshes`: one row per refresh attempt (succeeded or
 *   failed), so that replicas agree on whether the served report is stale.
 * - `team_insights_history`: one row per entity, scorecard and UTC day.
 *
 * Times are ISO 8601 strings in UTC and days are `YYYY-MM-DD`, which sort as
 * text on every database.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const isMysql = knex.client.config.client.includes('mysql');

  await knex.schema.createTable('team_insights_snapshots', table => {
    table.comment('Evaluated Team Insights reports, newest last');
    table.increments('id').primary();
    table
      .string('evaluated_at', 32)
      .notNullable()
      .comment('evaluatedAt of the report (ISO 8601, UTC)');
    if (isMysql) {
      table.specificType('report', 'longblob').notNullable();
    } else {
      table.binary('report').notNullable().comment('gzip-compressed JSON');
    }
    table.index(['evaluated_at'], 'team_insights_snapshots_evaluated_at_idx');
  });

  await knex.schema.createTable('team_insights_refreshes', table => {
    table.comment('Refresh attempts, newest last');
    table.increments('id').primary();
    table.string('started_at', 32).notNullable();
    table.string('finished_at', 32).notNullable();
    table.string('status', 16).notNullable().comment('succeeded | failed');
    table
      .string('trigger', 16)
      .notNullable()
      .comment('schedule | request | manual');
    table.string('evaluated_at', 32).nullable();
    table.integer('entity_count').nullable();
    table.text('error').nullable().comment('why a failed refresh failed');
  });

  await knex.schema.createTable('team_insights_history', table => {
    table.comment('One row per entity, scorecard and day');
    table.string('entity_ref', 255).notNullable();
    table
      .string('subject', 16)
      .notNullable()
      .comment('team | org-unit | entity');
    table.string('scorecard', 32).notNullable();
    table.string('day', 10).notNullable().comment('YYYY-MM-DD, UTC');
    table.integer('score').nullable();
    table.string('level', 16).nullable();
    table
      .text('failing_checks')
      .notNullable()
      .comment('JSON array of the ids of failing checks');
    table.string('evaluated_at', 32).notNullable();
    table.primary(['entity_ref', 'scorecard', 'day']);
    table.index(['day', 'subject'], 'team_insights_history_day_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('team_insights_history');
  await knex.schema.dropTable('team_insights_refreshes');
  await knex.schema.dropTable('team_insights_snapshots');
};
