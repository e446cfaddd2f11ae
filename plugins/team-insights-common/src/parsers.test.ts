import fc from 'fast-check';
import { defaultTeamInsightsConfig } from './config';
import {
  parseBooleanAnnotation,
  parseConcern,
  MAX_DECLINE_REASON_LENGTH,
  parseDeclineReasons,
  parseDeclinedProducts,
  parseRequiredSkills,
  parseSkillsAnnotation,
  parseTeamType,
  parseWaivers,
} from './parsers';
import type { Finding } from './types';

const NOW = new Date('2026-03-15T00:00:00Z');
const ref = 'group:default/team';
const KNOWN = new Set([
  ...defaultTeamInsightsConfig.skillClusters.map(c => c.id),
  'sre',
]);

/** Strings a hostile or careless author could write. */
const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    '__proto__=3',
    'constructor, prototype',
    '\u202eevil',
    'data\u2010scientist',
    'DATA-SCIENTIST',
    '  sre  ,, ,',
    '=',
    '==1',
    'data-scientist=1e3',
    'data-scientist=-1',
    'data-scientist=0x10',
    ';;;',
    'until until until',
  ),
  fc
    .array(
      fc.constantFrom(
        'sre',
        'data-scientist=2',
        'x',
        ',',
        ';',
        ' ',
        '=',
        ':',
        'until 2026-01-01',
      ),
      {
        maxLength: 40,
      },
    )
    .map(parts => parts.join('')),
);

function wellFormed(findings: Finding[]) {
  for (const f of findings) {
    expect(['error', 'warning']).toContain(f.severity);
    expect(typeof f.message).toBe('string');
    expect(f.message.length).toBeGreaterThan(0);
    expect(f.message.length).toBeLessThan(2000);
    // control and bidi-override characters never reach a message
    // eslint-disable-next-line no-control-regex
    expect(f.message).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u202a-\u202e]/);
  }
}

describe('parseTeamType', () => {
  it.each([
    ['feature', 'feature'],
    [' Feature ', 'feature'],
    ['stream-aligned', 'feature'],
    ['platform', 'centralized'],
    ['CENTRALIZED', 'centralized'],
    ['expertise', 'expertise'],
  ])('%s means %s', (value, expected) => {
    expect(parseTeamType(value)).toEqual({ value: expected, findings: [] });
  });

  it('an unknown team type is an error that lists the allowed values and suggests the closest', () => {
    const { value, findings } = parseTeamType('featrue', { entityRef: ref });
    expect(value).toBeUndefined();
    expect(findings).toEqual([
      {
        severity: 'error',
        code: 'team-type.unknown',
        entityRef: ref,
        annotation: 'team-insights.io/team-type',
        message:
          "unknown team type 'featrue' (did you mean 'feature'?); use feature (alias stream-aligned), centralized (alias platform) or expertise",
        params: { value: 'featrue', suggestion: 'feature' },
      },
    ]);
  });

  it('never throws, and anything but a team type is a finding', () => {
    fc.assert(
      fc.property(hostile, value => {
        const result = parseTeamType(value);
        wellFormed(result.findings);
        expect(result.value === undefined).toBe(result.findings.length > 0);
      }),
    );
  });
});

describe('parseSkillsAnnotation on a User', () => {
  it('lists the clusters the person brings, primary first, normalised and with aliases resolved', () => {
    expect(
      parseSkillsAnnotation(' SRE , data-engineer ', { kind: 'user' }).value,
    ).toEqual({
      clusters: ['site-reliability-engineer', 'data-engineer'],
      primary: 'site-reliability-engineer',
      declared: true,
      headCounts: {},
    });
  });

  it('an unknown cluster is an error with a suggestion; the valid part is still used', () => {
    const { value, findings } = parseSkillsAnnotation(
      'data-sceintist, data-engineer',
      {
        kind: 'user',
        entityRef: 'user:default/jdoe',
      },
    );
    expect(value.primary).toBe('data-engineer');
    expect(findings).toEqual([
      {
        severity: 'error',
        code: 'skills.unknown-cluster',
        entityRef: 'user:default/jdoe',
        annotation: 'team-insights.io/skills',
        message:
          "unknown skill cluster 'data-sceintist' (did you mean 'data-scientist'?)",
        params: { value: 'data-sceintist', suggestion: 'data-scientist' },
      },
    ]);
  });

  it('a cluster nothing resembles lists the known clusters', () => {
    const { findings } = parseSkillsAnnotation('astronaut', { kind: 'user' });
    expect(findings[0].message).toContain(
      'known clusters are data-scientist, data-engineer',
    );
  });

  it('no findings means every item is a known cluster', () => {
    fc.assert(
      fc.property(hostile, value => {
        const { findings } = parseSkillsAnnotation(value, { kind: 'user' });
        wellFormed(findings);
        const items = value
          .split(',')
          .map(s => s.trim().toLowerCase())
          .filter(Boolean);
        const allKnown = items.every(i => KNOWN.has(i));
        const unique = new Set(items).size === items.length;
        const hasError = findings.some(f => f.severity === 'error');
        // clean input ⇔ no findings; unknown clusters are errors
        expect(findings.length === 0).toBe(
          allKnown && unique && items.length <= 200,
        );
        expect(hasError || allKnown).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseSkillsAnnotation on a Group', () => {
  it('reads head counts per cluster', () => {
    expect(
      parseSkillsAnnotation('data-scientist=2, analytics-translator=1', {
        kind: 'group',
      }).value.headCounts,
    ).toEqual({ 'data-scientist': 2, 'analytics-translator': 1 });
  });

  it.each(['0', '1001', 'two', '1.5', '-1', '', '1e3'])(
    "a count of '%s' is not a whole number from 1 to 1000",
    count => {
      const { value, findings } = parseSkillsAnnotation(
        `data-engineer=${count}`,
        {
          kind: 'group',
        },
      );
      expect(value.headCounts).toEqual({});
      expect(findings[0].message).toContain(
        'not a whole number from 1 to 1000',
      );
    },
  );

  it('a cluster without a count is an error that shows the syntax', () => {
    const { findings } = parseSkillsAnnotation('data-engineer', {
      kind: 'group',
    });
    expect(findings[0].message).toContain(
      "write cluster=count, e.g. 'data-engineer=1'",
    );
  });

  it('never pollutes prototypes and never throws', () => {
    fc.assert(
      fc.property(hostile, value => {
        const { value: parsed, findings } = parseSkillsAnnotation(value, {
          kind: 'group',
        });
        wellFormed(findings);
        for (const key of Object.keys(parsed.headCounts)) {
          expect(KNOWN.has(key)).toBe(true);
          const count = parsed.headCounts[key];
          expect(Number.isInteger(count) && count >= 1).toBe(true);
        }
        expect(({} as any).polluted).toBeUndefined();
      }),
      { numRuns: 500 },
    );
    const proto = parseSkillsAnnotation('__proto__=3, constructor=1', {
      kind: 'group',
    });
    expect(proto.findings).toHaveLength(2);
    expect(Object.keys(proto.value.headCounts)).toEqual([]);
    expect(Object.getPrototypeOf(proto.value.headCounts)).toBe(
      Object.prototype,
    );
  });
});

describe('bounded input', () => {
  it('a megabyte value is rejected with a finding instead of being parsed', () => {
    const huge = 'data-scientist, '.repeat(70000);
    for (const parse of [
      () => parseSkillsAnnotation(huge, { kind: 'user' }),
      () => parseSkillsAnnotation(huge, { kind: 'group' }),
      () => parseRequiredSkills(huge),
      () => parseDeclinedProducts(huge),
      () => parseWaivers(huge, { now: NOW }),
      () => parseTeamType(huge),
      () => parseConcern(huge),
      () =>
        parseBooleanAnnotation(huge, {
          annotation: 'team-insights.io/product',
        }),
    ]) {
      const result = parse();
      expect(result.findings).toHaveLength(1);
      expect(result.findings[0].severity).toBe('error');
      wellFormed(result.findings);
    }
  });

  it('lists over 200 items are cut to 200, with a finding', () => {
    const many = Array(300).fill('sre').join(',');
    const { findings } = parseRequiredSkills(many);
    expect(findings.map(f => f.message)).toContain(
      '300 items, more than the 200 allowed; only the first 200 were used',
    );
  });

  it('thousands of tiny items under 4 KiB are handled', () => {
    const { value, findings } = parseDeclinedProducts(','.repeat(4000));
    expect(value).toEqual([]);
    expect(findings).toEqual([]);
  });
});

describe('parseRequiredSkills', () => {
  it('reads a list of clusters; without a valid one the type default applies', () => {
    expect(parseRequiredSkills('ux-designer, SRE').value).toEqual([
      'ux-designer',
      'site-reliability-engineer',
    ]);
    const { value, findings } = parseRequiredSkills('nope');
    expect(value).toBeUndefined();
    expect(findings.map(f => f.severity)).toEqual(['error', 'warning']);
  });
});

describe('parseDeclinedProducts', () => {
  it('reads entity refs, Components and the entity namespace by default', () => {
    expect(
      parseDeclinedProducts(
        'model-monitoring, api:platform/metrics-api, Resource:GPU',
        {
          defaultNamespace: 'ml',
        },
      ).value,
    ).toEqual([
      'component:ml/model-monitoring',
      'api:platform/metrics-api',
      'resource:ml/gpu',
    ]);
  });

  it('a ref that does not parse is an error showing the syntax', () => {
    const { findings } = parseDeclinedProducts('component:default/has spaces');
    expect(findings[0].message).toContain('write [kind:][namespace/]name');
  });

  it('never throws on hostile input', () => {
    fc.assert(
      fc.property(hostile, value => {
        const { value: refs, findings } = parseDeclinedProducts(value);
        wellFormed(findings);
        expect(
          refs.every(r => /^[a-z0-9]+:[a-z0-9._-]+\/[a-z0-9._-]+$/.test(r)),
        ).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseBooleanAnnotation', () => {
  it('accepts true and false in any case; anything else is an error and the default applies', () => {
    const parse = (v: string) =>
      parseBooleanAnnotation(v, { annotation: 'team-insights.io/product' });
    expect(parse('TRUE').value).toBe(true);
    expect(parse(' false ').value).toBe(false);
    const yes = parse('yes');
    expect(yes.value).toBeUndefined();
    expect(yes.findings[0].message).toContain("write 'true' or 'false'");
  });
});

describe('parseConcern', () => {
  it('reads one slug, lower-cased', () => {
    expect(parseConcern(' Batch-Scheduling ').value).toBe('batch-scheduling');
  });

  it.each([
    'monitoring, scheduling',
    'batch scheduling',
    '__proto__',
    'x'.repeat(64),
  ])("'%s' is not a concern", value => {
    const { value: parsed, findings } = parseConcern(value);
    expect(parsed).toBeUndefined();
    expect(findings[0].severity).toBe('error');
  });
});

describe('parseWaivers', () => {
  it('reads check id, date and reason; several waivers are separated by semicolons', () => {
    const { value, findings } = parseWaivers(
      'composition.team-size until 2026-06-30: merging with recs; docs.techdocs until 2026-04-01: docs: migrating',
      { now: NOW },
    );
    expect(findings).toEqual([]);
    expect(value).toEqual([
      {
        checkId: 'composition.team-size',
        until: '2026-06-30',
        reason: 'merging with recs',
        active: true,
      },
      {
        checkId: 'docs.techdocs',
        until: '2026-04-01',
        reason: 'docs: migrating',
        active: true,
      },
    ]);
  });

  it('custom check ids are known when given', () => {
    const { value } = parseWaivers(
      'composition.on-call until 2026-04-01: hiring',
      {
        now: NOW,
        checkIds: ['composition.on-call'],
      },
    );
    expect(value).toHaveLength(1);
  });

  it('the longest waiver is configurable', () => {
    const { findings } = parseWaivers(
      'composition.team-size until 2026-05-01: long',
      {
        now: NOW,
        config: { ...defaultTeamInsightsConfig, maxWaiverDays: 30 },
      },
    );
    expect(findings[0].message).toContain('more than the 30 allowed');
  });

  it('never throws; no findings means every waiver is well-formed and active', () => {
    fc.assert(
      fc.property(hostile, value => {
        const { value: waivers, findings } = parseWaivers(value, { now: NOW });
        wellFormed(findings);
        const allActive = waivers.every(w => w.active);
        expect(findings.length > 0 || allActive).toBe(true);
        for (const w of waivers) {
          expect(w.until).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(w.reason.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseDeclinedProducts with reasons', () => {
  it('reads the reason after ": " and keeps only the ref as the product', () => {
    expect(
      parseDeclinedProducts(
        'feature-store: needs streaming, api:platform/metrics-api',
      ),
    ).toEqual({
      value: ['component:default/feature-store', 'api:platform/metrics-api'],
      findings: [],
    });
  });

  it('still refuses what is not a ref before the reason', () => {
    const { value, findings } = parseDeclinedProducts('has spaces: why not');
    expect(value).toEqual([]);
    expect(findings[0].message).toContain("'has spaces' is not an entity ref");
  });
});

describe('parseDeclineReasons', () => {
  it('keeps each product with the reason the team gave, trimmed, and none where it gave none', () => {
    expect(
      parseDeclineReasons(
        'feature-store:   needs streaming  , api:platform/metrics-api, model-monitoring: we run our own; ok',
        { defaultNamespace: 'ml' },
      ),
    ).toEqual({
      value: [
        { productRef: 'component:ml/feature-store', reason: 'needs streaming' },
        { productRef: 'api:platform/metrics-api' },
        {
          productRef: 'component:ml/model-monitoring',
          reason: 'we run our own',
        },
        // `;` separates items too, so 'ok' is read as a product
        { productRef: 'component:ml/ok' },
      ],
      findings: [],
    });
  });

  it('reads items separated by ";" as by ","', () => {
    expect(
      parseDeclineReasons('feature-store: needs streaming; metrics: too coarse')
        .value,
    ).toEqual([
      {
        productRef: 'component:default/feature-store',
        reason: 'needs streaming',
      },
      { productRef: 'component:default/metrics', reason: 'too coarse' },
    ]);
  });

  it('reads a colon without the space after it as the start of the reason, with a warning', () => {
    const { value, findings } = parseDeclineReasons(
      'feature-store:needs streaming, component:default/metrics:too coarse',
    );
    expect(value).toEqual([
      {
        productRef: 'component:default/feature-store',
        reason: 'needs streaming',
      },
      { productRef: 'component:default/metrics', reason: 'too coarse' },
    ]);
    expect(findings.map(f => [f.severity, f.message])).toEqual([
      [
        'warning',
        "'feature-store': put a space after the ':' that starts the reason, e.g. 'feature-store: needs streaming'",
      ],
      [
        'warning',
        "'component:default/metrics': put a space after the ':' that starts the reason, e.g. 'feature-store: needs streaming'",
      ],
    ]);
  });

  it('a colon with no reason after it keeps the product and warns', () => {
    const { value, findings } = parseDeclineReasons(
      'feature-store:, metrics: ',
    );
    expect(value).toEqual([
      { productRef: 'component:default/feature-store' },
      { productRef: 'component:default/metrics' },
    ]);
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({
      severity: 'warning',
      message:
        "'feature-store' has a ':' but no reason after it; say why the team declined it, or drop the ':'",
    });
  });

  it('cuts a reason longer than 200 characters, with a warning', () => {
    const long = 'slow '.repeat(60).trim();
    const { value, findings } = parseDeclineReasons(`feature-store: ${long}`);
    expect(value[0].reason).toHaveLength(MAX_DECLINE_REASON_LENGTH);
    expect(value[0].reason!.endsWith('…')).toBe(true);
    expect(findings[0]).toMatchObject({
      severity: 'warning',
      message: expect.stringContaining(
        'is 299 characters long; only the first 200',
      ),
    });
  });

  it('a product listed twice keeps its first reason, or the later one when the first had none', () => {
    expect(
      parseDeclineReasons(
        'feature-store, metrics: first, feature-store: why, metrics: second',
      ).value,
    ).toEqual([
      { productRef: 'component:default/feature-store', reason: 'why' },
      { productRef: 'component:default/metrics', reason: 'first' },
    ]);
  });

  it('a ref that is wrong either way is an error, and the rest is kept', () => {
    const { value, findings } = parseDeclineReasons(
      'has spaces:no, feature-store: fine',
    );
    expect(value).toEqual([
      { productRef: 'component:default/feature-store', reason: 'fine' },
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0].severity).toBe('error');
    expect(findings[0].message).toContain('is not an entity ref');
  });

  it('never throws on hostile input, and every reason is short and trimmed', () => {
    fc.assert(
      fc.property(hostile, value => {
        const { value: items, findings } = parseDeclineReasons(value);
        wellFormed(findings);
        expect(
          items.every(i =>
            /^[a-z0-9]+:[a-z0-9._-]+\/[a-z0-9._-]+$/.test(i.productRef),
          ),
        ).toBe(true);
        const reasons = items.flatMap(i =>
          i.reason === undefined ? [] : [i.reason],
        );
        expect(
          reasons.filter(
            r =>
              r.length === 0 ||
              r.length > MAX_DECLINE_REASON_LENGTH ||
              r !== r.trim() ||
              /[,;]/.test(r),
          ),
        ).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
