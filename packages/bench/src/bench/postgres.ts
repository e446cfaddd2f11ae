import { Client as PgClient } from 'pg';
import { log } from './log';

/** Knex connection settings from a PostgreSQL connection string. */
export function postgresConnection(connectionString: string) {
  const url = new URL(connectionString);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || 'postgres'),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
  };
}

/**
 * Drops the databases of this run (all but the catalog's, which the next
 * run reuses); a failure is only logged.
 */
export async function dropDatabases(
  connection: ReturnType<typeof postgresConnection>,
  prefix: string,
) {
  const client = new PgClient({ ...connection, database: 'postgres' });
  try {
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [prefix],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } catch (error) {
    log(`could not drop the bench databases: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
}
