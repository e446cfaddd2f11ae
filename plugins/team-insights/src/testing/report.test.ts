import { evaluateFixtureCatalog } from './fixtureCatalog';
import { fixtureReport } from './report';

describe('the fixture report', () => {
  it('is what the engine makes of the fixture catalog, as checked in', () => {
    // through JSON, as the generator writes it: no undefined fields
    const fresh = JSON.parse(JSON.stringify(evaluateFixtureCatalog()));
    try {
      expect(fixtureReport).toEqual(fresh);
    } catch (error) {
      throw new Error(
        `src/testing/report.generated.json is stale: run yarn fixture:generate\n\n${
          (error as Error).message
        }`,
      );
    }
  });
});
