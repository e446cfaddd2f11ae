import type { Entity } from '@backstage/catalog-model';
import type { JsonObject, JsonValue } from '@backstage/types';
import { defaultTeamInsightsConfig } from '../config';
import type { TeamInsightsCheck } from '../customChecks';
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
import type { CheckResult } from '../types';

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

// What one check says about one entity: its status, message, remediation
// and the entities it names.
const said = ({ status, message, remediation, entities }: CheckResult) => ({
  status,
  message,
  remediation,
  entities,
});

function checkSays(entities: Entity[], ref: string, id: string) {
  return said(checkOf(docs(entities, ref), id));
}

/** A fully documented Component `svc` owned by `team`, with some fields replaced. */
function svc(metadata: JsonObject = {}, spec: JsonObject = {}): Entity {
  const entity = component('svc', { owner: 'team', documented: true });
  return {
    ...entity,
    metadata: { ...entity.metadata, ...metadata },
    spec: { ...entity.spec, ...spec },
  };
}

/** Its annotations, with some replaced or (when undefined) removed. */
function annotated(values: Record<string, string | undefined>) {
  const annotations: Record<string, string> = {
    ...component('svc', { documented: true }).metadata.annotations,
  };
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete annotations[key];
    else annotations[key] = value;
  }
  return svc({ annotations });
}

const SVC = 'component:default/svc';
const DESCRIBE_IT =
  // the entity's own kind, name, type, owner and system; the description a
  // marked placeholder
  'Say in a sentence or two what it is for and who uses it, so other teams need not ask:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: svc\n  description: <your-description> # placeholder: what it is for and who uses it\nspec:\n  type: service\n  owner: team\n  system: ml\n```';

describe('the description check', () => {
  it.each([
    'na',
    'None',
    'FIXME',
    'Placeholder',
    'TBA',
    'todo...',
    'TBD!',
    'n/a:',
    'none.!:',
  ])('calls %s a placeholder', placeholder => {
    expect(
      checkSays(
        [team, svc({ description: placeholder })],
        SVC,
        'docs.description',
      ),
    ).toEqual({
      status: 'fail',
      message: `The description '${placeholder}' is a placeholder.`,
      remediation: DESCRIBE_IT,
    });
  });

  it('a word with punctuation inside is short, not a placeholder', () => {
    expect(
      checkSays([team, svc({ description: 'Fix.me' })], SVC, 'docs.description')
        .message,
    ).toBe('The description has 6 characters, fewer than 20.');
    expect(
      checkSays([team, svc({ description: 'X' })], SVC, 'docs.description')
        .message,
    ).toBe('The description has 1 character, fewer than 20.');
  });

  it('spaces alone, or a description that is not text, is no description', () => {
    for (const description of ['   ', 42]) {
      expect(
        checkSays([team, svc({ description })], SVC, 'docs.description'),
      ).toEqual({
        status: 'fail',
        message: 'No description.',
        remediation: DESCRIBE_IT,
      });
    }
  });

  it('counts the characters without the spaces around them', () => {
    expect(
      checkSays(
        [team, svc({ description: '   Ranks search results   ' })],
        SVC,
        'docs.description',
      ),
    ).toEqual({ status: 'pass', message: 'Described in 20 characters.' });
    expect(
      checkSays(
        [team, svc({ description: `  ${'x'.repeat(19)}  ` })],
        SVC,
        'docs.description',
      ).message,
    ).toBe('The description has 19 characters, fewer than 20.');
  });
});

describe('the owner check', () => {
  const MAKE_TEAM_OWNER =
    'Make a team the owner:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: svc\nspec:\n  type: service\n  system: ml\n  owner: <your-team> # placeholder: the ref of the owning Group\n```';

  it('an owner of only spaces is no owner', () => {
    expect(
      checkSays([team, svc({}, { owner: '   ' })], SVC, 'docs.owner'),
    ).toMatchObject({ status: 'fail', message: 'No `spec.owner`.' });
  });

  it('spaces around the owner do not matter', () => {
    expect(
      checkSays([team, svc({}, { owner: ' team ' })], SVC, 'docs.owner'),
    ).toEqual({
      status: 'pass',
      message: 'Owned by group:default/team.',
      entities: ['group:default/team'],
    });
  });

  it('an owner that is not a valid entity reference names no entity', () => {
    expect(
      checkSays([team, svc({}, { owner: 'the ML team' })], SVC, 'docs.owner'),
    ).toMatchObject({
      status: 'fail',
      message:
        "The owner 'the ML team' does not resolve to an entity in the catalog.",
      remediation: expect.stringMatching(
        /^Check the kind, namespace and name of the owner\. Make a team the owner:/,
      ),
      entities: undefined,
    });
  });

  it('an owner reference too long for the catalog does not resolve, and is cut in the message', () => {
    const owner = `group:default/${'a'.repeat(1100)}`;
    expect(
      checkSays([team, svc({}, { owner })], SVC, 'docs.owner'),
    ).toMatchObject({
      status: 'fail',
      message: `The owner '${owner.slice(
        0,
        57,
      )}…' does not resolve to an entity in the catalog.`,
      entities: undefined,
    });
  });

  it("a bare owner name is a Group in the entity's own namespace", () => {
    const mlTeam = group('team', { teamType: 'feature' });
    mlTeam.metadata.namespace = 'ml';
    const entity = svc({ namespace: 'ml' });
    expect(
      checkSays([team, mlTeam, entity], 'component:ml/svc', 'docs.owner'),
    ).toEqual({
      status: 'pass',
      message: 'Owned by group:ml/team.',
      entities: ['group:ml/team'],
    });
  });

  it('a person in no team is told to make a team the owner, any team', () => {
    expect(
      checkSays(
        [team, user('jdoe'), svc({}, { owner: 'user:jdoe' })],
        SVC,
        'docs.owner',
      ),
    ).toEqual({
      status: 'warn',
      message:
        'Owned by a person, user:default/jdoe: when they move on, nobody owns it.',
      remediation: `Ownership by a team avoids single points of failure. ${MAKE_TEAM_OWNER}`,
      entities: ['user:default/jdoe'],
    });
  });
});

describe('the TechDocs and source checks', () => {
  const techdocs = (values: Record<string, string | undefined>) =>
    checkSays([team, annotated(values)], SVC, 'docs.techdocs');
  const source = (values: Record<string, string | undefined>) =>
    checkSays([team, annotated(values)], SVC, 'docs.source');

  it('a techdocs-entity annotation points to the docs too; spaces point nowhere', () => {
    expect(
      techdocs({
        'backstage.io/techdocs-ref': undefined,
        'backstage.io/techdocs-entity': 'system:default/ml',
      }),
    ).toEqual({ status: 'pass', message: 'TechDocs: system:default/ml.' });
    expect(
      techdocs({
        'backstage.io/techdocs-ref': '  ',
        'backstage.io/techdocs-entity': ' system:default/ml ',
      }),
    ).toEqual({ status: 'pass', message: 'TechDocs: system:default/ml.' });
    expect(techdocs({ 'backstage.io/techdocs-ref': '  ' })).toMatchObject({
      status: 'fail',
      message: 'No TechDocs: readers have to ask the owning team.',
    });
  });

  it('a view URL shows where the code is; a source location of spaces does not', () => {
    expect(
      source({
        'backstage.io/source-location': '  ',
        'backstage.io/view-url': ' https://example.com/svc ',
      }),
    ).toEqual({ status: 'pass', message: 'Source: https://example.com/svc.' });
    expect(
      source({
        'backstage.io/source-location': ' url:https://example.com/svc ',
      }),
    ).toEqual({
      status: 'pass',
      message: 'Source: url:https://example.com/svc.',
    });
    expect(source({ 'backstage.io/source-location': '  ' })).toMatchObject({
      status: 'fail',
      message: 'No source location: readers cannot find the code.',
    });
  });

  it('only a url: location where the entity was registered counts as its source', () => {
    const registeredAt = (location: string) =>
      source({
        'backstage.io/source-location': undefined,
        'backstage.io/managed-by-location': location,
      });
    expect(registeredAt('file:/catalog/catalog-info.yaml').status).toBe('fail');
    expect(registeredAt(' url:https://example.com/catalog-info.yaml ')).toEqual(
      {
        status: 'pass',
        message: 'Source: url:https://example.com/catalog-info.yaml.',
      },
    );
  });

  it('a source location of 200 characters is shown whole, a longer one cut at 200', () => {
    const url = (length: number) =>
      `url:https://example.com/${'a'.repeat(length - 24)}`;
    expect(source({ 'backstage.io/source-location': url(200) }).message).toBe(
      `Source: ${url(200)}.`,
    );
    expect(source({ 'backstage.io/source-location': url(201) }).message).toBe(
      `Source: ${url(200)}….`,
    );
  });
});

describe('the lifecycle, system, links and tags checks', () => {
  const says = (entity: Entity, id: string) =>
    checkSays([team, entity], SVC, id);

  it('spaces around the lifecycle and system do not matter; spaces alone are none', () => {
    expect(
      says(svc({}, { lifecycle: ' production ' }), 'docs.lifecycle'),
    ).toEqual({
      status: 'pass',
      message: 'Lifecycle: production.',
    });
    expect(says(svc({}, { lifecycle: '  ' }), 'docs.lifecycle').status).toBe(
      'fail',
    );
    expect(says(svc({}, { system: ' ml ' }), 'docs.system')).toEqual({
      status: 'pass',
      message: 'Part of system ml.',
    });
    expect(says(svc({}, { system: '  ' }), 'docs.system').status).toBe('fail');
  });

  it('counts links and tags; an empty list, or a single value instead of a list, is none', () => {
    expect(
      says(
        svc({
          links: [
            { url: 'https://example.com/dashboard' },
            { url: 'https://example.com/runbook' },
          ],
        }),
        'docs.links',
      ),
    ).toEqual({ status: 'pass', message: '2 links.' });
    expect(says(svc({ tags: ['ml', 'batch'] }), 'docs.tags')).toEqual({
      status: 'pass',
      message: '2 tags.',
    });
    for (const links of [[], 'https://example.com/dashboard']) {
      expect(says(svc({ links }), 'docs.links')).toMatchObject({
        status: 'fail',
        message: 'No links to dashboards, runbooks or support channels.',
      });
    }
    for (const tags of [[], 'ml']) {
      expect(says(svc({ tags }), 'docs.tags')).toMatchObject({
        status: 'fail',
        message: 'No tags: the entity is harder to find in catalog search.',
      });
    }
  });
});

describe('the API definition check', () => {
  const definitionSays = (definition: JsonValue) => {
    const entity = api('orders', { owner: 'team', documented: true });
    entity.spec = { ...entity.spec, definition };
    return checkSays(
      [team, entity],
      'api:default/orders',
      'docs.api-definition',
    );
  };

  it('100 characters are enough, 99 are not, without the spaces around them', () => {
    expect(definitionSays(`  ${'x'.repeat(100)}\n\n`)).toEqual({
      status: 'pass',
      message: 'The definition has 100 characters.',
    });
    expect(definitionSays(`  ${'x'.repeat(99)}\n\n`).message).toBe(
      'The definition has 99 characters, fewer than 100: too short to learn the API from.',
    );
    expect(definitionSays('x').message).toBe(
      'The definition has 1 character, fewer than 100: too short to learn the API from.',
    );
  });

  it('an inline definition counts as written out', () => {
    // {"openapi":"3.0.0","info":{"title":"xx…"}}: 19 + 17 + 70 + 3 characters
    expect(
      definitionSays({ openapi: '3.0.0', info: { title: 'x'.repeat(70) } }),
    ).toEqual({
      status: 'pass',
      message: 'The definition has 109 characters.',
    });
  });

  it('spaces, null or a number are no definition', () => {
    for (const definition of ['   ', null, 12345]) {
      expect(definitionSays(definition).message).toBe(
        'No `spec.definition`: the API can only be learned by asking.',
      );
    }
  });
});

describe('the provides-API check', () => {
  const platform = group('platform', { teamType: 'centralized' });

  it('an API marked as a product is not asked to provide one', () => {
    expect(
      checkSays(
        [
          team,
          api('orders', { owner: 'team', documented: true, product: 'true' }),
        ],
        'api:default/orders',
        'docs.provides-api',
      ),
    ).toEqual({
      status: 'not-applicable',
      message: 'Only Component products provide APIs.',
    });
  });

  it('names up to five of the APIs a product provides', () => {
    const names = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];
    const refs = names.map(n => `api:default/${n}`);
    expect(
      checkSays(
        [
          platform,
          component('tool', {
            owner: 'platform',
            documented: true,
            providesApis: refs,
          }),
          ...names.map(n => api(n, { owner: 'platform', documented: true })),
        ],
        'component:default/tool',
        'docs.provides-api',
      ),
    ).toEqual({
      status: 'pass',
      message:
        'Provides 6 APIs: api:default/a1, api:default/a2, api:default/a3, api:default/a4, api:default/a5 and 1 more.',
      entities: refs,
    });
  });

  it('counts the APIs the product declares when the catalog has not related them yet', () => {
    const says = (providesApis: string[]) => {
      const entities = withRelations([
        platform,
        component('tool', { owner: 'platform', documented: true }),
      ]);
      entities[1].spec = { ...entities[1].spec, providesApis };
      const report = evaluate(entities, { now: NOW });
      return said(
        checkOf(
          report.entities.find(e => e.entityRef === 'component:default/tool')!
            .scorecards.documentation,
          'docs.provides-api',
        ),
      );
    };
    expect(says(['tool-api'])).toEqual({
      status: 'pass',
      message: 'Provides 1 API.',
    });
    expect(says(['tool-api', 'tool-events'])).toEqual({
      status: 'pass',
      message: 'Provides 2 APIs.',
    });
    expect(says([]).status).toBe('fail');
  });

  it("counts the APIs the catalog relates to the product, whatever the product's spec lists", () => {
    const entities = withRelations([
      platform,
      component('tool', {
        owner: 'platform',
        documented: true,
        providesApis: ['tool-api', 'tool-events'],
      }),
      api('tool-api', { owner: 'platform', documented: true }),
      api('tool-events', { owner: 'platform', documented: true }),
    ]);
    entities[1].spec = { ...entities[1].spec, providesApis: ['tool-api'] };
    const report = evaluate(entities, { now: NOW });
    expect(
      said(
        checkOf(
          report.entities.find(e => e.entityRef === 'component:default/tool')!
            .scorecards.documentation,
          'docs.provides-api',
        ),
      ),
    ).toEqual({
      status: 'pass',
      message:
        'Provides 2 APIs: api:default/tool-api and api:default/tool-events.',
      entities: ['api:default/tool-api', 'api:default/tool-events'],
    });
  });
});

describe("a team's documentation checks, case by case", () => {
  const teamCheck = (
    owned: Entity[],
    id: string,
    customChecks: TeamInsightsCheck[] = [],
  ) =>
    said(
      checkOf(
        teamOf(
          evaluate(withRelations([team, ...owned]), { now: NOW, customChecks }),
          'team',
        ).scorecards.documentation,
        id,
      ),
    );

  it('a check that applies to none of what the team owns is not applicable', () => {
    const owned = [system('ml', { owner: 'team', documented: true })];
    expect(teamCheck(owned, 'docs.lifecycle')).toEqual({
      status: 'not-applicable',
      message: 'Applies to none of the entities the team owns.',
    });
    expect(teamCheck(owned, 'docs.techdocs')).toEqual({
      status: 'pass',
      message: '1 of 1 owned entity passes (100 %).',
    });
  });

  it('names ten failing entities and counts the rest', () => {
    const owned = Array.from({ length: 11 }, (_, i) =>
      component(`svc-${String(i + 1).padStart(2, '0')}`, {
        owner: 'team',
        documented: true,
        annotations: { 'backstage.io/techdocs-ref': '' },
      }),
    );
    const refs = owned.map(e => `component:default/${e.metadata.name}`);
    const check = teamCheck(owned, 'docs.techdocs');
    expect(check.status).toBe('fail');
    expect(check.message).toBe(
      `0 of 11 owned entities pass (0 %); failing: ${refs
        .slice(0, 10)
        .join(', ')} and 1 more.`,
    );
    expect(check.entities).toEqual(refs);
  });

  it("shows the first failing entity's remediation as the example", () => {
    const products = ['alpha', 'beta'].map(name =>
      component(name, { owner: 'team', documented: true, product: 'true' }),
    );
    const check = teamCheck(products, 'docs.provides-api');
    expect(check.status).toBe('fail');
    expect(check.remediation).toContain('- alpha-api');
    expect(check.remediation).not.toContain('beta-api');
  });

  it('a failing custom check without a remediation only points to the entities', () => {
    const runbook: TeamInsightsCheck = {
      id: 'docs.runbook',
      scorecard: 'documentation',
      title: 'Runbook',
      description: 'Links to a runbook.',
      weight: 1,
      evaluate: () => ({ status: 'fail', message: 'No runbook link.' }),
    };
    expect(
      teamCheck(
        [component('svc', { owner: 'team', documented: true })],
        'docs.runbook',
        [runbook],
      ),
    ).toEqual({
      status: 'fail',
      message:
        '0 of 1 owned entity passes (0 %); failing: component:default/svc.',
      remediation:
        'Fix it on each failing entity; their documentation scorecards say what is missing.',
      entities: ['component:default/svc'],
    });
  });

  it('grades the pass rate with the configured thresholds', () => {
    const config = {
      ...defaultTeamInsightsConfig,
      thresholds: {
        ...defaultTeamInsightsConfig.thresholds,
        documentationPassRate: { pass: 0.5, warn: 0.25 },
      },
    };
    const owned = [
      component('a', { owner: 'team', documented: true }),
      component('b', {
        owner: 'team',
        documented: true,
        annotations: { 'backstage.io/techdocs-ref': '' },
      }),
    ];
    const check = checkOf(
      teamOf(
        evaluate(withRelations([team, ...owned]), { now: NOW, config }),
        'team',
      ).scorecards.documentation,
      'docs.techdocs',
    );
    // 1 of 2 = 50 %: a pass at a 50 % threshold, so no remediation
    expect(said(check)).toEqual({
      status: 'pass',
      message:
        '1 of 2 owned entities pass (50 %); failing: component:default/b.',
      entities: ['component:default/b'],
    });
  });
});

describe('remediations filled with what the catalog knows', () => {
  it('suggests the system the other entities of the owner belong to, and marks it', () => {
    const other = component('other', { owner: 'team', documented: true });
    const remediation = checkSays(
      [team, other, svc({}, { system: '' })],
      SVC,
      'docs.system',
    ).remediation;
    expect(remediation).toContain('  name: svc\n');
    expect(remediation).toContain(
      '  system: ml # as the other entities of group:default/team\n',
    );
    expect(remediation).not.toContain('<your-system>');
  });

  it('without other entities to go by, the system is a marked placeholder', () => {
    expect(
      checkSays([team, svc({}, { system: '' })], SVC, 'docs.system')
        .remediation,
    ).toContain(
      '  system: <your-system> # placeholder: the System it belongs to\n',
    );
  });

  it('when the other entities of the owner disagree, names their systems as examples, in the order of those entities', () => {
    const owned = [
      component('a', { owner: 'team', documented: true, system: 'beta' }),
      component('b', { owner: 'team', documented: true, system: 'alpha' }),
      component('c', { owner: 'team', documented: true, system: 'beta' }),
    ];
    expect(
      checkSays([team, ...owned, svc({}, { system: '' })], SVC, 'docs.system')
        .remediation,
    ).toContain(
      '  system: <your-system> # placeholder: the System it belongs to, e.g. beta and alpha\n',
    );
  });

  it('points the source location at the repository its project slug names', () => {
    const remediation = checkSays(
      [
        team,
        annotated({
          'backstage.io/source-location': undefined,
          'github.com/project-slug': 'acme/svc',
        }),
      ],
      SVC,
      'docs.source',
    ).remediation;
    expect(remediation).toContain(
      '    backstage.io/source-location: url:https://github.com/acme/svc/tree/main/ # from its project slug; check the branch\n',
    );
    expect(remediation).toContain('    github.com/project-slug: acme/svc\n');
  });
});
