import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import type { Knex } from 'knex';
import { eachDatabase } from './__testUtils__/databases';

jest.setTimeout(60_000);

const migrationsDir = resolvePackagePath(
  '@team-insights/plugin-team-insights-backend',
  'migrations',
);
const migrationFiles = fs
  .readdirSync(migrationsDir)
  .filter(file => file.endsWith('.js'))
  .sort();

async function migrateUntilBefore(knex: Knex, target: string) {
  const index = migrationFiles.indexOf(target);
  if (index < 0) throw new Error(`Migration ${target} not found`);
  for (let i = 0; i < index; i++) {
    await knex.migrate.up({ directory: migrationsDir });
  }
}

/** A history row of one team, scorecard and day. */
const SEARCH_ROW = {
  entity_ref: 'group:default/search',
  subject: 'team',
  scorecard: 'composition',
  day: '2026-11-27',
  score: 80,
  level: 'silver',
  failing_checks: '[]',
  evaluated_at: '2026-11-27T10:00:00.000Z',
};

describe('migrations', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
  const databaseIds = eachDatabase(databases, 'the migrations, up and down');

  it.each(databaseIds)(
    '20261127000000_init.js creates and drops the tables, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await migrateUntilBefore(knex, '20261127000000_init.js');
      expect(await knex.schema.hasTable('team_insights_history')).toBe(false);

      await knex.migrate.up({ directory: migrationsDir });

      await knex('team_insights_history').insert(SEARCH_ROW);
      // the primary key allows one row per entity, scorecard and day
      await expect(
        knex('team_insights_history').insert({
          ...SEARCH_ROW,
          score: 70,
          level: 'bronze',
          evaluated_at: '2026-11-27T11:00:00.000Z',
        }),
      ).rejects.toMatchObject({
        message: expect.stringMatching(/unique|duplicate/i),
      });
      await knex('team_insights_snapshots').insert({
        evaluated_at: '2026-11-27T10:00:00.000Z',
        report: Buffer.from('gzip bytes'),
      });
      await knex('team_insights_refreshes').insert({
        started_at: '2026-11-27T09:59:00.000Z',
        finished_at: '2026-11-27T10:00:00.000Z',
        status: 'succeeded',
        trigger: 'schedule',
      });
      expect(
        await knex('team_insights_history').select('entity_ref', 'score'),
      ).toEqual([{ entity_ref: 'group:default/search', score: 80 }]);
      const [snapshot] = await knex('team_insights_snapshots').select('report');
      expect(Buffer.from(snapshot.report).toString()).toBe('gzip bytes');

      await knex.migrate.down({ directory: migrationsDir });
      for (const table of [
        'team_insights_history',
        'team_insights_snapshots',
        'team_insights_refreshes',
      ]) {
        expect(await knex.schema.hasTable(table)).toBe(false);
      }
      await knex.destroy();
    },
  );

  it.each(databaseIds)(
    '20261201000000_nudges.js adds what notifications remember, and removes it again, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await migrateUntilBefore(knex, '20261201000000_nudges.js');
      expect(await knex.schema.hasTable('team_insights_history')).toBe(true);
      expect(await knex.schema.hasTable('team_insights_nudge_state')).toBe(
        false,
      );
      await knex('team_insights_history').insert(SEARCH_ROW);

      await knex.migrate.up({ directory: migrationsDir });

      await knex('team_insights_nudge_state').insert({
        subject_ref: 'group:default/search',
        topic: 'level:composition',
        value: 'silver',
        updated_at: '2026-11-27T10:00:00.000Z',
      });
      await knex('team_insights_nudge_state').insert({
        subject_ref: 'component:default/feature-store',
        topic: 'adopters',
        value: null,
        updated_at: '2026-11-27T10:00:00.000Z',
      });
      const sent = {
        kind: 'waiver-expiring',
        subject_ref: 'group:default/search',
        detail: 'composition.team-size until 2026-12-05',
        recipient_ref: 'group:default/search',
        sent_at: '2026-11-27T10:00:00.000Z',
      };
      await knex('team_insights_nudges_sent').insert(sent);
      // one row per kind, subject and detail: an event is sent once
      await expect(
        knex('team_insights_nudges_sent').insert({
          ...sent,
          sent_at: '2026-11-28T10:00:00.000Z',
        }),
      ).rejects.toMatchObject({
        message: expect.stringMatching(/unique|duplicate/i),
      });
      await knex('team_insights_nudges_sent').insert({
        ...sent,
        detail: 'composition.team-size until 2027-01-05',
      });
      expect(
        await knex('team_insights_nudge_state')
          .select('subject_ref', 'value')
          .orderBy('subject_ref'),
      ).toEqual([
        { subject_ref: 'component:default/feature-store', value: null },
        { subject_ref: 'group:default/search', value: 'silver' },
      ]);

      await knex.migrate.down({ directory: migrationsDir });
      expect(await knex.schema.hasTable('team_insights_nudge_state')).toBe(
        false,
      );
      expect(await knex.schema.hasTable('team_insights_nudges_sent')).toBe(
        false,
      );
      // the earlier tables and their rows are untouched
      expect(
        await knex('team_insights_history').select('entity_ref', 'score'),
      ).toEqual([{ entity_ref: 'group:default/search', score: 80 }]);
      await knex.destroy();
    },
  );

  it.each(databaseIds)(
    '20261202000000_snapshot_content_hash.js adds the hash of a snapshot, and removes it again, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await migrateUntilBefore(knex, '20261202000000_snapshot_content_hash.js');
      expect(
        await knex.schema.hasColumn('team_insights_snapshots', 'content_hash'),
      ).toBe(false);
      await knex('team_insights_snapshots').insert({
        evaluated_at: '2026-11-27T10:00:00.000Z',
        report: Buffer.from('older gzip bytes'),
      });

      await knex.migrate.up({ directory: migrationsDir });

      const hash = 'a'.repeat(64);
      await knex('team_insights_snapshots').insert({
        evaluated_at: '2026-11-27T10:10:00.000Z',
        report: Buffer.from('gzip bytes'),
        content_hash: hash,
      });
      // a snapshot from before has no hash
      expect(
        await knex('team_insights_snapshots')
          .select('evaluated_at', 'content_hash')
          .orderBy('id'),
      ).toEqual([
        { evaluated_at: '2026-11-27T10:00:00.000Z', content_hash: null },
        { evaluated_at: '2026-11-27T10:10:00.000Z', content_hash: hash },
      ]);

      await knex.migrate.down({ directory: migrationsDir });
      expect(
        await knex.schema.hasColumn('team_insights_snapshots', 'content_hash'),
      ).toBe(false);
      // the snapshots themselves are untouched
      const rows = await knex('team_insights_snapshots')
        .select('evaluated_at', 'report')
        .orderBy('id');
      expect(
        rows.map(row => [row.evaluated_at, Buffer.from(row.report).toString()]),
      ).toEqual([
        ['2026-11-27T10:00:00.000Z', 'older gzip bytes'],
        ['2026-11-27T10:10:00.000Z', 'gzip bytes'],
      ]);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    '20261206000000_snapshot_schema_version.js marks the snapshots from before as version 1, and removes the column again, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await migrateUntilBefore(
        knex,
        '20261206000000_snapshot_schema_version.js',
      );
      await knex('team_insights_snapshots').insert({
        evaluated_at: '2026-11-27T10:00:00.000Z',
        report: Buffer.from('older gzip bytes'),
      });

      await knex.migrate.up({ directory: migrationsDir });

      await knex('team_insights_snapshots').insert({
        evaluated_at: '2026-11-27T10:10:00.000Z',
        report: Buffer.from('newer gzip bytes'),
        schema_version: 2,
      });
      expect(
        (
          await knex('team_insights_snapshots')
            .select('evaluated_at', 'schema_version')
            .orderBy('id')
        ).map(row => [row.evaluated_at, Number(row.schema_version)]),
      ).toEqual([
        ['2026-11-27T10:00:00.000Z', 1],
        ['2026-11-27T10:10:00.000Z', 2],
      ]);

      await knex.migrate.down({ directory: migrationsDir });
      expect(
        await knex.schema.hasColumn(
          'team_insights_snapshots',
          'schema_version',
        ),
      ).toBe(false);
      const rows = await knex('team_insights_snapshots')
        .select('report')
        .orderBy('id');
      expect(rows.map(row => Buffer.from(row.report).toString())).toEqual([
        'older gzip bytes',
        'newer gzip bytes',
      ]);
      await knex.destroy();
    },
  );
  it.each(databaseIds)(
    '20261207000000_timeline.js creates and drops the timeline, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await migrateUntilBefore(knex, '20261207000000_timeline.js');
      expect(await knex.schema.hasTable('team_insights_timeline')).toBe(false);

      await knex.migrate.up({ directory: migrationsDir });
      const row = {
        kind: 'concern',
        key: 'batch-scheduling',
        first_seen: '2026-11-27T10:00:00.000Z',
        detail: '{}',
      };
      await knex('team_insights_timeline').insert(row);
      // one row per kind and key: a first-seen time is never duplicated
      await expect(
        knex('team_insights_timeline').insert({
          ...row,
          first_seen: '2026-12-01T10:00:00.000Z',
        }),
        // not toThrow(): better-sqlite3's addon keeps the error class of the
        // first test file that loaded it, which is not this file's Error
      ).rejects.toMatchObject({
        message: expect.stringMatching(/unique|duplicate/i),
      });
      expect(await knex('team_insights_timeline').select()).toEqual([row]);

      await knex.migrate.down({ directory: migrationsDir });
      expect(await knex.schema.hasTable('team_insights_timeline')).toBe(false);
      await knex.destroy();
    },
  );
});
