import { defaultTeamInsightsConfig } from '../config';
import {
  annotationLines,
  annotationsYaml,
  entityYaml,
  placeholder,
  refIn,
  teamYaml,
  builtIn,
  grade,
  gradeAtMost,
  yaml,
  yamlScalar,
} from './helpers';

// The snippets of remediations are copied into catalog-info.yaml files: a
// value YAML would read as something else (a boolean, a number, null) or a
// broken quote changes what the catalog gets.

describe('yamlScalar', () => {
  it('quotes what plain YAML would read as a boolean, null or a number', () => {
    expect(
      ['true', 'False', 'yes', 'off', 'null', '~', '42', '-1', '+3', '1.5'].map(
        yamlScalar,
      ),
    ).toEqual([
      "'true'",
      "'False'",
      "'yes'",
      "'off'",
      "'null'",
      "'~'",
      "'42'",
      "'-1'",
      "'+3'",
      "'1.5'",
    ]);
  });

  it('leaves words that only start like one plain', () => {
    expect(
      ['trueish', 'nullable', '42nd', 'data-scientist=2', 'v1.5-beta'].map(
        yamlScalar,
      ),
    ).toEqual(['trueish', 'nullable', '42nd', 'data-scientist=2', 'v1.5-beta']);
  });

  it("quotes the empty string, leading indicators and ': ', doubling single quotes", () => {
    expect(yamlScalar('')).toBe("''");
    expect(yamlScalar('- item')).toBe("'- item'");
    expect(yamlScalar('a: b')).toBe("'a: b'");
    expect(yamlScalar('a # b')).toBe("'a # b'");
    expect(yamlScalar('trailing ')).toBe("'trailing '");
    expect(yamlScalar("'quoted'")).toBe("'''quoted'''");
    expect(yamlScalar("it's: fine")).toBe("'it''s: fine'");
  });
});

describe('yaml and annotationsYaml', () => {
  it('fence a snippet without its trailing line breaks', () => {
    expect(yaml('spec:\n  owner: team\n\n\n')).toBe(
      '```yaml\nspec:\n  owner: team\n```',
    );
  });

  it('put each annotation on its own line under metadata.annotations', () => {
    expect(
      annotationsYaml({
        'team-insights.io/product': 'true',
        'team-insights.io/concern': 'monitoring',
      }),
    ).toBe(
      "```yaml\nmetadata:\n  annotations:\n    team-insights.io/product: 'true'\n    team-insights.io/concern: monitoring\n```",
    );
  });
});

describe('grade and gradeAtMost', () => {
  it('include both thresholds', () => {
    expect([1, 0.8, 0.79, 0.5, 0.49].map(v => grade(v, 0.8, 0.5))).toEqual([
      'pass',
      'pass',
      'warn',
      'warn',
      'fail',
    ]);
    expect([0, 1, 2, 3, 4].map(v => gradeAtMost(v, 1, 3))).toEqual([
      'pass',
      'pass',
      'warn',
      'warn',
      'fail',
    ]);
  });
});

describe('builtIn', () => {
  const config = defaultTeamInsightsConfig;

  it('keeps a remediation only where there is something to fix', () => {
    const id = 'composition.team-size';
    expect(builtIn(config, id, 'fail', 'm', 'fix').remediation).toBe('fix');
    expect(builtIn(config, id, 'warn', 'm', 'fix').remediation).toBe('fix');
    expect(builtIn(config, id, 'pass', 'm', 'fix')).not.toHaveProperty(
      'remediation',
    );
    expect(
      builtIn(config, id, 'not-applicable', 'm', 'fix'),
    ).not.toHaveProperty('remediation');
  });

  it('lists entities sorted and once, and leaves the key out when there is none', () => {
    const id = 'composition.hand-overs';
    expect(
      builtIn(config, id, 'warn', 'm', 'f', ['b', 'a', 'b']).entities,
    ).toEqual(['a', 'b']);
    expect(builtIn(config, id, 'pass', 'm', undefined, [])).not.toHaveProperty(
      'entities',
    );
    expect(
      Object.keys(builtIn(config, id, 'pass', 'm', undefined, undefined)),
    ).toEqual(['id', 'title', 'status', 'weight', 'message']);
  });

  it('takes the title and weight of the catalogue, and the weight of the config first', () => {
    expect(builtIn(config, 'docs.techdocs', 'pass', 'm')).toEqual({
      id: 'docs.techdocs',
      title: expect.any(String),
      status: 'pass',
      weight: 3,
      message: 'm',
    });
    expect(
      builtIn(
        { ...config, weights: { 'docs.techdocs': 7 } },
        'docs.techdocs',
        'pass',
        'm',
      ).weight,
    ).toBe(7);
  });
});

describe('entityYaml', () => {
  const entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'ranker',
      namespace: 'search',
      title: 'Search ranker',
      annotations: {
        'backstage.io/managed-by-location': 'url:https://git.example/x.yaml',
        'backstage.io/source-location': 'url:https://git.example/x/',
        'github.com/project-slug': 'acme/ranker',
        'team-insights.io/product': 'true',
      },
    },
    spec: { type: 'service', owner: 'group:search/relevance', system: 'find' },
  };

  it('writes the change into the entity as its catalog-info.yaml has it', () => {
    expect(
      entityYaml(entity, {
        metadata: annotationLines(
          entity,
          { 'backstage.io/techdocs-ref': 'dir:.' },
          {},
        ),
        spec: [`lifecycle: ${placeholder('lifecycle', 'production')}`],
      }),
    ).toBe(
      [
        '```yaml',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        '  name: ranker',
        '  namespace: search',
        '  title: Search ranker',
        '  annotations:',
        // its own annotations stay; those the catalog writes do not
        '    github.com/project-slug: acme/ranker',
        "    team-insights.io/product: 'true'",
        '    backstage.io/techdocs-ref: dir:.',
        'spec:',
        '  type: service',
        '  owner: group:search/relevance',
        '  system: find',
        '  lifecycle: <your-lifecycle> # placeholder: production',
        '```',
      ].join('\n'),
    );
  });

  it('a changed spec key replaces the value the entity has, and the default namespace is left out', () => {
    const snippet = entityYaml(
      { ...entity, metadata: { name: 'ranker', namespace: 'default' } },
      { spec: ['owner: group:default/other'] },
    );
    expect(snippet).not.toContain('namespace:');
    expect(snippet).not.toContain('relevance');
    expect(snippet).toContain('  owner: group:default/other\n');
  });
});

describe('refIn', () => {
  it('writes a ref as a field with that default kind would: the bare name in the same namespace, else namespace/name, else the full ref', () => {
    expect(refIn('user:default/ana', 'user', 'default')).toBe('ana');
    expect(refIn('user:search/cy', 'User', 'default')).toBe('search/cy');
    expect(refIn('group:default/team', 'user', 'default')).toBe(
      'group:default/team',
    );
  });
});

describe('teamYaml', () => {
  it("shows the Group's type and its parent, from the relations, before the change", () => {
    expect(
      teamYaml(
        {
          entity: {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Group',
            metadata: { name: 'recs' },
            spec: { type: 'team', children: [] },
          },
          parent: 'group:default/marketplace',
        },
        { spec: ['members:', '  - ana'] },
      ),
    ).toBe(
      [
        '```yaml',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Group',
        'metadata:',
        '  name: recs',
        'spec:',
        '  type: team',
        '  parent: marketplace',
        '  members:',
        '    - ana',
        '```',
      ].join('\n'),
    );
  });
});
