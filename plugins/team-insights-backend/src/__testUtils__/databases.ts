import { TestDatabases } from '@backstage/backend-test-utils';

/**
 * The databases a test file runs its cases on: SQLite always, PostgreSQL 15
 * when `BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING` is set. When
 * PostgreSQL is left out, one line says what was not tested on it, so that
 * the coverage does not vanish without a word.
 */
export function eachDatabase(
  databases: TestDatabases,
  whatIsNotTested: string,
): Array<[Parameters<TestDatabases['init']>[0]]> {
  if (!databases.supports('POSTGRES_15')) {
    process.stderr.write(
      `Not tested on PostgreSQL: ${whatIsNotTested} (BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is not set)\n`,
    );
  }
  return databases.eachSupportedId();
}
