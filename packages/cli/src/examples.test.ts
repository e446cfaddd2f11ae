import fs from 'node:fs';
import path from 'node:path';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  applySkillsSources,
  CheckResult,
  evaluate,
  LEVELS,
  Report,
  SCORECARD_IDS,
  ScorecardId,
  SkillsSourceFinding,
  parseSkillsSource,
  TeamReport,
} from '@team-insights/plugin-team-insights-common';
import { parseAllDocuments } from 'yaml';
import { findCatalogFiles } from './catalog/files';
import { loadCatalog, LoadedCatalog } from './catalog/loadCatalog';

// The demo organisation that the portal loads (examples/all.yaml) and that
// examples/README.md tells the story of. These tests hold the data to that
// story, so that a change to the YAML or to the engine that breaks the demo
// is caught here.
const EXAMPLES = path.resolve(__dirname, '../../../examples');

// The waivers in the demo are relative to a date: one expired on 2026-03-31,
// one holds until 2027-06-30. Evaluating on a fixed day keeps the story
// reproducible; move both waiver dates and this day together.
const NOW = new Date('2026-12-01T09:00:00.000Z');

function yamlFiles(folder: string): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .flatMap(entry => {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        return yamlFiles(full);
      }
      return /\.ya?ml$/.test(entry.name) ? [full] : [];
    })
    .sort();
}

/** The entity refs written in the files, read without the CLI's loader. */
function refsInFiles(): string[] {
  // examples/ also holds a change file (plans/) and dated states (history/):
  // catalog data is what has an apiVersion of the backstage.io family
  return yamlFiles(EXAMPLES).flatMap(file =>
    parseAllDocuments(fs.readFileSync(file, 'utf8')).flatMap(doc => {
      expect(doc.errors).toEqual([]);
      const data = doc.toJS();
      return /(^|\.)backstage\.io\//.test(String(data?.apiVersion))
        ? [stringifyEntityRef(data)]
        : [];
    }),
  );
}

describe('the demo organisation in examples/', () => {
  let catalog: LoadedCatalog;
  let report: Report;
  let sourceFindings: SkillsSourceFinding[];
  let fromSource: Set<string>;

  beforeAll(async () => {
    const files = await findCatalogFiles([EXAMPLES], process.cwd());
    catalog = await loadCatalog(files, p => path.relative(EXAMPLES, p));
    // The portal takes part of the skills from the skills source, as
    // `--skills-source examples/skills.csv` does.
    const source = parseSkillsSource(
      fs.readFileSync(path.join(EXAMPLES, 'skills.csv'), 'utf8'),
      { source: 'skills.csv' },
    );
    const applied = applySkillsSources(catalog.entities, [
      { source, precedence: 'entity' },
    ]);
    fromSource = new Set(
      catalog.entities
        .filter((e, i) => applied.entities[i] !== e)
        .map(e => e.metadata.name),
    );
    catalog.entities = applied.entities;
    sourceFindings = applied.findings;
    report = evaluate(catalog.entities, { now: NOW });
  });

  it('takes the skills of the Search Ranking and Recommendations people from skills.csv, without findings', () => {
    expect(sourceFindings).toEqual([]);
    expect(fromSource.size).toBe(12);
    expect(fromSource).toContain('lena.fischer');
    expect(fromSource).toContain('ravi.kapoor');
  });

  function team(name: string): TeamReport {
    const ref = `group:default/${name}`;
    const found = report.teams.find(t => t.entityRef === ref);
    if (!found) {
      throw new Error(`${ref} is not a team in the report`);
    }
    return found;
  }

  function check(
    name: string,
    scorecard: ScorecardId,
    id: string,
  ): CheckResult {
    const found = team(name).scorecards[scorecard].checks.find(
      c => c.id === id,
    );
    if (!found) {
      throw new Error(`${name} has no check ${id}`);
    }
    return found;
  }

  function product(ref: string) {
    const found = report.products.find(p => p.entityRef === ref);
    if (!found) {
      throw new Error(`${ref} is not a product in the report`);
    }
    return found;
  }

  function findingsOn(ref: string, annotation: string) {
    return report.findings.filter(
      f => f.entityRef === ref && f.annotation === annotation,
    );
  }

  it('loads every entity of every file, with no problem reported by the loader', () => {
    const written = refsInFiles();
    expect(new Set(written).size).toBe(written.length);
    const loaded = catalog.entities.map(e => stringifyEntityRef(e));
    expect([...loaded].sort()).toEqual([...written].sort());
    expect(catalog.problems).toEqual([]);
  });

  it('is an organisation of at least 10 teams in 2 organisational units, with 40 people who declare skills', () => {
    expect(report.teams.length).toBeGreaterThanOrEqual(10);
    expect(report.orgUnits.length).toBeGreaterThanOrEqual(2);
    const skilled = catalog.entities.filter(
      e =>
        e.kind === 'User' &&
        (e.metadata.annotations?.['team-insights.io/skills'] ?? '').trim(),
    );
    expect(skilled.length).toBeGreaterThanOrEqual(40);
    const teamTypes = new Set(report.teams.map(t => t.teamType));
    expect([...teamTypes].sort()).toEqual([
      'centralized',
      'expertise',
      'feature',
    ]);
  });

  it.each(SCORECARD_IDS)(
    'shows every level (gold, silver, bronze, none) among the teams on the %s scorecard',
    scorecard => {
      const levels = new Set(
        report.teams.map(t => t.scorecards[scorecard].level),
      );
      for (const level of LEVELS) {
        expect({ scorecard, level, present: levels.has(level) }).toEqual({
          scorecard,
          level,
          present: true,
        });
      }
    },
  );

  it('scores the complete, right-sized feature team gold on composition', () => {
    const searchRanking = team('search-ranking');
    expect(searchRanking.missingSkills).toEqual([]);
    expect(searchRanking.scorecards.composition.level).toBe('gold');
    expect(
      searchRanking.scorecards.composition.checks
        .filter(c => c.status !== 'not-applicable')
        .map(c => [c.id, c.status]),
    ).toEqual(
      searchRanking.scorecards.composition.checks
        .filter(c => c.status !== 'not-applicable')
        .map(c => [c.id, 'pass']),
    );
  });

  it('fails the expertise-oriented data lab on cross-functional and on hand-overs to the feature teams', () => {
    const lab = team('data-lab');
    expect(lab.teamType).toBe('expertise');
    expect(lab.skills.map(s => [s.cluster, s.primary])).toContainEqual([
      'data-scientist',
      lab.members,
    ]);
    expect(
      check('data-lab', 'composition', 'composition.cross-functional').status,
    ).toBe('fail');
    const handOvers = check(
      'data-lab',
      'composition',
      'composition.hand-overs',
    );
    expect(handOvers.status).toBe('fail');
    expect(handOvers.entities).toEqual(
      expect.arrayContaining([
        'group:default/demand-forecasting',
        'group:default/dynamic-pricing',
        'group:default/fraud-detection',
        'group:default/recommendations',
        'group:default/search-ranking',
      ]),
    );
  });

  it('fails the oversized pricing team on team size, with its communication paths', () => {
    const pricing = team('dynamic-pricing');
    expect(pricing.size).toBe(18);
    expect(pricing.communicationPaths).toBe(153);
    const size = check(
      'dynamic-pricing',
      'composition',
      'composition.team-size',
    );
    expect(size.status).toBe('fail');
    expect(size.message).toContain('153');
  });

  it('fails the team without an analytics translator on skill coverage, naming the cluster', () => {
    expect(team('fraud-detection').missingSkills).toEqual([
      'analytics-translator',
    ]);
    const coverage = check(
      'fraud-detection',
      'composition',
      'composition.skill-coverage',
    );
    expect(coverage.status).toBe('fail');
    expect(coverage.message).toContain('analytics-translator');
  });

  it('warns the four-person team about its single points of failure', () => {
    expect(team('demand-forecasting').missingSkills).toEqual([]);
    const redundancy = check(
      'demand-forecasting',
      'composition',
      'composition.redundancy',
    );
    expect(redundancy.status).toBe('warn');
    for (const cluster of [
      'data-scientist',
      'data-engineer',
      'site-reliability-engineer',
      'analytics-translator',
    ]) {
      expect(redundancy.message).toContain(cluster);
    }
  });

  it('finds no adopters for the experiment tracker', () => {
    expect(product('component:default/experiment-tracker').adopters).toEqual(
      [],
    );
    expect(product('api:default/experiment-tracking-api').adopters).toEqual([]);
  });

  it('counts teams that only call the monitoring API as adopters of the monitoring product', () => {
    const dependsOnComponentDirectly = catalog.entities.some(e =>
      [...((e.spec?.dependsOn as string[]) ?? [])].some(r =>
        r.endsWith('model-monitoring'),
      ),
    );
    expect(dependsOnComponentDirectly).toBe(false);
    expect(product('component:default/model-monitoring').adopters).toEqual(
      expect.arrayContaining([
        'group:default/fraud-detection',
        'group:default/search-ranking',
      ]),
    );
    expect(product('component:default/model-monitoring').declinedBy).toEqual([
      'group:default/dynamic-pricing',
    ]);
  });

  it('tells the monitoring team why Dynamic Pricing declined its product, without changing a score', () => {
    expect(
      product('component:default/model-monitoring').declineReasons,
    ).toEqual([
      {
        teamRef: 'group:default/dynamic-pricing',
        reason:
          'prices need alerts within a minute and the product checks hourly',
      },
    ]);
    expect(team('dynamic-pricing').scorecards.adoption.level).toBe('gold');
    const concern = report.concerns.find(c => c.concern === 'monitoring');
    expect(concern?.declined).toEqual(['group:default/dynamic-pricing']);
  });

  it('marks the mandatory feature store, whose opt-in check is waived until mid 2027', () => {
    expect(product('component:default/feature-store').mandatory).toBe(true);
    const optIn = check('ml-infrastructure', 'adoption', 'adoption.opt-in');
    expect(optIn.status).toBe('fail');
    expect(optIn.waived?.until).toBe('2027-06-30');
    expect(optIn.waived?.reason).toContain('feature store v3');
  });

  it('fails self-service for the product that can only be learned by asking', () => {
    for (const id of ['adoption.self-service', 'adoption.no-communication']) {
      const result = check('ml-infrastructure', 'adoption', id);
      expect(result.status).toBe('fail');
      expect(result.message).toContain('gpu-training-cluster');
    }
  });

  it('gives a centralized team that exposes tasks instead of products the lowest adoption level', () => {
    expect(
      check(
        'data-engineering-services',
        'adoption',
        'adoption.exposes-products',
      ).status,
    ).toBe('fail');
    expect(team('data-engineering-services').scorecards.adoption.level).toBe(
      'none',
    );
  });

  it('warns a team that rebuilds monitoring but not the team that declined the product', () => {
    const recs = check('recommendations', 'adoption', 'adoption.reuse');
    expect(recs.status).toBe('warn');
    expect(recs.message).toContain('model-monitoring');
    expect(check('dynamic-pricing', 'adoption', 'adoption.reuse').status).toBe(
      'pass',
    );
  });

  it('reports monitoring as rebuilt and batch scheduling as a candidate for a centralized team', () => {
    const concern = (id: string) => report.concerns.find(c => c.concern === id);
    expect(concern('monitoring')).toMatchObject({
      verdict: 'rebuilt',
      products: expect.arrayContaining(['component:default/model-monitoring']),
      builtBy: expect.arrayContaining(['group:default/recommendations']),
    });
    expect(concern('batch-scheduling')).toMatchObject({
      verdict: 'centralize-candidate',
      products: [],
    });
    expect(concern('batch-scheduling')!.builtBy.length).toBeGreaterThanOrEqual(
      3,
    );
    expect(concern('feature-store')?.verdict).toBe('covered');
    expect(concern('data-labeling')?.verdict).toBe('local');
  });

  it('counts the expired waiver as usual and warns that it expired', () => {
    const crossFunctional = check(
      'data-lab',
      'composition',
      'composition.cross-functional',
    );
    expect(crossFunctional.waived).toBeUndefined();
    const expired = findingsOn(
      'group:default/data-lab',
      'team-insights.io/waivers',
    );
    expect(expired).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(/expired/),
      }),
    ]);
    expect(expired[0].message).toContain('2026-03-31');
  });

  describe('the deliberate annotation mistakes', () => {
    it('suggests data-scientist for the misspelt skill cluster', () => {
      expect(
        findingsOn('user:default/oliver.grant', 'team-insights.io/skills'),
      ).toEqual([
        expect.objectContaining({
          severity: 'error',
          message: expect.stringMatching(
            /'data-sceintist'.*did you mean 'data-scientist'/,
          ),
        }),
      ]);
      // The valid part is still used: the primary cluster is data-engineer.
      const recs = team('recommendations');
      expect(
        check('recommendations', 'composition', 'composition.annotations-valid')
          .status,
      ).toBe('fail');
      expect(recs.skills.find(s => s.cluster === 'data-engineer')?.people).toBe(
        3,
      );
    });

    it('rejects the head count "two" and keeps the rest of the annotation', () => {
      expect(
        findingsOn('group:default/data-platform', 'team-insights.io/skills'),
      ).toEqual([
        expect.objectContaining({
          severity: 'error',
          message: expect.stringContaining("'two'"),
        }),
      ]);
      expect(team('data-platform').headCount).toBe(1);
    });

    it('rejects the unknown team type and evaluates the team as a feature team', () => {
      const findings = findingsOn(
        'group:default/seller-insights',
        'team-insights.io/team-type',
      );
      expect(findings).toContainEqual(
        expect.objectContaining({
          severity: 'error',
          message: expect.stringContaining("'featrue'"),
        }),
      );
      expect(team('seller-insights')).toMatchObject({
        teamType: 'feature',
        teamTypeDeclared: false,
      });
    });

    it('reports the declined product that does not exist', () => {
      expect(
        findingsOn(
          'group:default/seller-insights',
          'team-insights.io/declined-products',
        ),
      ).toEqual([
        expect.objectContaining({
          severity: 'error',
          message: expect.stringContaining('component:default/batch-runner'),
        }),
      ]);
    });

    it('has no other error findings than the deliberate ones', () => {
      const errors = report.findings
        .filter(f => f.severity === 'error')
        .map(f => `${f.entityRef} ${f.annotation}`);
      expect(errors.sort()).toEqual([
        'group:default/data-platform team-insights.io/skills',
        'group:default/seller-insights team-insights.io/declined-products',
        'group:default/seller-insights team-insights.io/team-type',
        'user:default/oliver.grant team-insights.io/skills',
      ]);
    });
  });
});
