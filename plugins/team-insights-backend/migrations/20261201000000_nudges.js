// @ts-check

/**
 * What the notifications of Team Insights remember, so that each event is
 * sent once and not again on every refresh.
 *
 * - `team_insights_nudge_state`: the last observed value of what a
 *   notification watches, per subject: a team's level per scorecard
 *   (`level:composition`, …) and a product's number of adopters
 *   (`adopters`). A change between two refreshes is an event.
 * - `team_insights_nudges_sent`: one row per notification sent, by kind,
 *   subject and detail (a scorecard, or a waiver's check and date), with
 *   when and to whom. It makes waiver notices one-off and enforces the quiet
 *   period of the others.
 *
 * Times are ISO 8601 strings in UTC, as in the other tables.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('team_insights_nudge_state', table => {
    table.comment('Last observed value per subject and topic');
    table.string('subject_ref', 255).notNullable();
    table
      .string('topic', 64)
      .notNullable()
      .comment('level:<scorecard> | adopters');
    table.string('value', 64).nullable();
    table.string('updated_at', 32).notNullable();
    table.primary(['subject_ref', 'topic']);
  });

  await knex.schema.createTable('team_insights_nudges_sent', table => {
    table.comment('Notifications sent, one row per kind, subject and detail');
    table
      .string('kind', 32)
      .notNullable()
      .comment(
        'level-drop | waiver-expiring | waiver-expired | last-adopter-lost',
      );
    table.string('subject_ref', 255).notNullable();
    table
      .string('detail', 255)
      .notNullable()
      .comment('scorecard, or "<check-id> until <YYYY-MM-DD>", or empty');
    table.string('recipient_ref', 255).notNullable();
    table.string('sent_at', 32).notNullable();
    table.primary(['kind', 'subject_ref', 'detail']);
    table.index(['sent_at'], 'team_insights_nudges_sent_sent_at_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('team_insights_nudges_sent');
  await knex.schema.dropTable('team_insights_nudge_state');
};
