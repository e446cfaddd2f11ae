// @ts-check

/**
 * `team_insights_timeline`: what earlier evaluations saw, for the timing
 * rules (extract when evident, not too early). One row per kind and key:
 *
 * - `concern` / concern name: since when it has been a centralize-candidate;
 * - `centralized-team` / group ref: since when the team has been
 *   centralized, with the demand for its concerns at that moment in `detail`
 *   (`{"featureTeams": n, "hadAdopters": bool}`);
 * - `product` / entity ref: when it got its first adopter.
 *
 * `first_seen` is never overwritten; a row is deleted when what it records
 * stops being true, so that a later re-appearance starts afresh. Times are
 * ISO 8601 strings in UTC, as in the other tables.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('team_insights_timeline', table => {
    table.comment(
      'First-seen times of candidates, centralized teams, adopted products',
    );
    table
      .string('kind', 32)
      .notNullable()
      .comment('concern | centralized-team | product');
    table.string('key', 255).notNullable();
    table.string('first_seen', 32).notNullable();
    table.text('detail').notNullable().comment('JSON object');
    table.primary(['kind', 'key']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('team_insights_timeline');
};
