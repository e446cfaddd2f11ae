/*
 * Writes src/testing/report.generated.json, the report the frontend's tests
 * and dev page show, by running the engine over src/testing/fixtureCatalog.ts.
 * `yarn fixture:generate` (here or at the root) runs it;
 * src/testing/report.test.ts fails when the committed file is not what this
 * writes. Prettier leaves the file alone (.prettierignore).
 */
import fs from 'node:fs';
import path from 'node:path';
import { evaluateFixtureCatalog } from '../src/testing/fixtureCatalog';

const REPORT_JSON = path.resolve(
  __dirname,
  '../src/testing/report.generated.json',
);

fs.writeFileSync(
  REPORT_JSON,
  `${JSON.stringify(evaluateFixtureCatalog(), null, 2)}\n`,
);
process.stdout.write(`wrote ${path.relative(process.cwd(), REPORT_JSON)}\n`);
