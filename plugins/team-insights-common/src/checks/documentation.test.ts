import type { Entity } from '@backstage/catalog-model';
import { evaluate } from '../evaluate';
import {
  api,
  checkOf,
  component,
  group,
  NOW,
  resource,
  system,
  teamOf,
  user,
  withRelations,
} from '../testing/entities';

function docs(entities: Entity[], ref: string) {
  const report = evaluate(withRelations(entities), { now: NOW });
  const entity = report.entities.find(e => e.entityRef === ref);
  if (!entity) throw new Error(`no entity ${ref}`);
  return entity.scorecards.documentation;
}

const team = group('team', { teamType: 'feature' });

describe('documentation of an entity', () => {
  it('a fully documented Component scores 100 (gold)', () => {
    const scorecard = docs(
      [team, component('svc', { owner: 'team', documented: true })],
      'component:default/svc',
    );
    expect(scorecard.score).toBe(100);
    expect(scorecard.level).toBe('gold');
  });

  it('a bare Component fails what readers need to help themselves', () => {
    const scorecard = docs(
      [team, component('svc', { owner: 'team' })],
      'component:default/svc',
    );
    const failing = scorecard.checks
      .filter(c => c.status === 'fail')
      .map(c => c.id);
    expect(failing).toEqual([
      'docs.description',
      'docs.techdocs',
      'docs.source',
      'docs.lifecycle',
      'docs.system',
      'docs.links',
      'docs.tags',
    ]);
    // owner (2) passes out of 2+2+3+1+1+1+1+1 = 12
    expect(scorecard.score).toBe(Math.round((100 * 2) / 12));
    expect(scorecard.level).toBe('none');
  });

  it.each(['TODO', 'tbd', 'n/a', 'Description', '-'])(
    'a placeholder description (%s) fails',
    placeholder => {
      const check = checkOf(
        docs(
          [team, component('svc', { owner: 'team', description: placeholder })],
          'component:default/svc',
        ),
        'docs.description',
      );
      expect(check.status).toBe('fail');
      expect(check.message).toContain('placeholder');
    },
  );

  it('a description shorter than 20 characters fails; 20 pass', () => {
    const check = (description: string) =>
      checkOf(
        docs(
          [team, component('svc', { owner: 'team', description })],
          'component:default/svc',
        ),
        'docs.description',
      ).status;
    expect(check('Ranks search results')).toBe('pass');
    expect(check('Ranks results')).toBe('fail');
  });

  it('an entity owned by a person warns: ownership by a team avoids single points of failure', () => {
    const check = checkOf(
      docs(
        [
          team,
          user('jdoe', { memberOf: ['team'] }),
          component('svc', { owner: 'user:jdoe' }),
        ],
        'component:default/svc',
      ),
      'docs.owner',
    );
    expect(check.status).toBe('warn');
    expect(check.remediation).toContain('owner: group:default/team');
  });

  it('an owner that does not resolve fails', () => {
    const check = checkOf(
      docs([component('svc', { owner: 'ghosts' })], 'component:default/svc'),
      'docs.owner',
    );
    expect(check.status).toBe('fail');
    expect(check.message).toContain("'ghosts' does not resolve");
  });

  it('a url: managed-by-location counts as a source location', () => {
    const check = checkOf(
      docs(
        [
          team,
          component('svc', {
            owner: 'team',
            annotations: {
              'backstage.io/managed-by-location':
                'url:https://example.com/catalog-info.yaml',
            },
          }),
        ],
        'component:default/svc',
      ),
      'docs.source',
    );
    expect(check.status).toBe('pass');
  });

  it('an API whose definition is under 100 characters can only be learned by asking', () => {
    const check = checkOf(
      docs(
        [team, api('short', { owner: 'team', definition: 'openapi: 3.0.0' })],
        'api:default/short',
      ),
      'docs.api-definition',
    );
    expect(check.status).toBe('fail');
    expect(check.message).toContain('14 characters');
  });

  it('a Component product without an API is not self-service; a non-product is not asked for one', () => {
    const entities = [
      group('platform', { teamType: 'centralized' }),
      component('tool', { owner: 'platform' }),
      component('app', { owner: 'team' }),
      team,
    ];
    expect(
      checkOf(docs(entities, 'component:default/tool'), 'docs.provides-api')
        .status,
    ).toBe('fail');
    expect(
      checkOf(docs(entities, 'component:default/app'), 'docs.provides-api')
        .status,
    ).toBe('not-applicable');
  });

  it('Systems are documented too, without lifecycle or system checks; Users and Groups are not', () => {
    const report = evaluate(
      withRelations([
        team,
        system('ml', { owner: 'team', documented: true }),
        user('jdoe'),
      ]),
      { now: NOW },
    );
    expect(report.entities.map(e => e.entityRef)).toEqual([
      'system:default/ml',
    ]);
    const scorecard = report.entities[0].scorecards.documentation;
    expect(checkOf(scorecard, 'docs.lifecycle').status).toBe('not-applicable');
    expect(checkOf(scorecard, 'docs.system').status).toBe('not-applicable');
    expect(scorecard.score).toBe(100);
  });
});

describe("a team's documentation scorecard", () => {
  it('scores the mean of its entities and lists the entities failing each check with the pass rate', () => {
    const report = evaluate(
      withRelations([
        team,
        component('good', { owner: 'team', documented: true }),
        resource('db', { owner: 'team', documented: true }),
        component('bare', { owner: 'team' }),
        component('no-docs', {
          owner: 'team',
          documented: true,
          annotations: { 'backstage.io/techdocs-ref': '' },
        }),
      ]),
      { now: NOW },
    );
    // bare: only its owner passes, 2 / 12 = 16.67 → 17; db (a Resource):
    // 11 / 11 = 100; good: 12 / 12 = 100; no-docs: (12 − 3) / 12 = 75
    expect(
      report.entities.map(e => [e.entityRef, e.scorecards.documentation.score]),
    ).toEqual([
      ['component:default/bare', 17],
      ['component:default/good', 100],
      ['component:default/no-docs', 75],
      ['resource:default/db', 100],
    ]);
    const scorecard = teamOf(report, 'team').scorecards.documentation;
    // (17 + 100 + 75 + 100) / 4 = 292 / 4 = 73, bronze
    expect([scorecard.score, scorecard.level]).toEqual([73, 'bronze']);
    const techdocs = checkOf(scorecard, 'docs.techdocs');
    expect(techdocs.status).toBe('warn');
    expect(techdocs.message).toContain('2 of 4 owned entities pass (50 %)');
    expect(techdocs.entities).toEqual([
      'component:default/bare',
      'component:default/no-docs',
    ]);
    const lifecycle = checkOf(scorecard, 'docs.lifecycle');
    expect(lifecycle.message).toContain('2 of 3');
  });

  it('a team that owns nothing documentable has no documentation score', () => {
    const report = evaluate(withRelations([team]), { now: NOW });
    const scorecard = teamOf(report, 'team').scorecards.documentation;
    expect(scorecard.score).toBeNull();
    expect(scorecard.level).toBeNull();
  });
});
