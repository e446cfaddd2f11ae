import fs from 'fs';
import path from 'path';
import fc from 'fast-check';
import {
  ANNOTATION_CONCERN,
  ANNOTATION_DECLINED_PRODUCTS,
  ANNOTATION_PRODUCT,
  ANNOTATION_REQUIRED_SKILLS,
  ANNOTATION_SKILLS,
  ANNOTATION_TEAM_TYPE,
  ANNOTATION_WAIVERS,
} from './annotations';
import { BUILT_IN_CHECK_IDS } from './catalogue';
import { defaultTeamInsightsConfig } from './config';
import {
  parseBooleanAnnotation,
  parseConcern,
  parseDeclinedProducts,
  parseRequiredSkills,
  parseSkillsAnnotation,
  parseTeamType,
  parseWaivers,
  readWaiverItem,
} from './parsers';
import { parseCsv } from './skillsSource/csv';
import { parseSkillsSource } from './skillsSource/parse';
import type { Finding } from './types';

// Every annotation parser, and the skills-source parser, fed generated
// strings: none may throw, and every result must be well-formed. The number
// of runs of each comes from the table in docs/reliability.md ("Annotation
// parsers under fuzzing"), so the page states what this test does.

function findReliabilityPage(): string {
  // walk up from here: the test also runs from a copy of the package
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'docs', 'reliability.md');
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('docs/reliability.md not found');
    dir = parent;
  }
}

/** Parser name → runs, from the table of docs/reliability.md. */
function documentedRuns(): Map<string, number> {
  const text = fs.readFileSync(findReliabilityPage(), 'utf8');
  const start = text.indexOf('## Annotation parsers under fuzzing');
  if (start < 0) throw new Error('docs/reliability.md has no fuzzing section');
  const next = text.indexOf('\n## ', start + 1);
  const section = text.slice(start, next < 0 ? undefined : next);
  const runs = new Map<string, number>();
  for (const line of section.split('\n')) {
    const m = /^\|\s*`([^`]+)`\s*\|[^|]*\|\s*([\d,]+) runs, 0 throws\s*\|/.exec(
      line,
    );
    if (m) runs.set(m[1], Number(m[2].replace(/,/g, '')));
  }
  return runs;
}

const NOW = new Date('2026-03-15T12:00:00Z');
const TODAY = '2026-03-15';
const ENTITY = 'group:default/team';
const CLUSTERS = new Set(
  defaultTeamInsightsConfig.skillClusters.map(c => c.id),
);
const CHECK_IDS = new Set(BUILT_IN_CHECK_IDS);

/** Pieces an author (careless or hostile) puts into an annotation. */
const PIECES = [
  'data-scientist',
  'Data-Engineer',
  'sre',
  'analytics-translator',
  'data-sceintist',
  'feature',
  'Platform',
  'stream-aligned',
  'true',
  'FALSE',
  'monitoring',
  'batch-scheduling',
  'composition.team-size',
  'docs.techdocs',
  'component:default/store',
  'api:ns/x',
  'group:',
  '/',
  'until',
  'UNTIL',
  '2026-03-15',
  '2027-03-15',
  '2027-03-16',
  '2026-02-30',
  '2025-12-31',
  ':',
  '=',
  '=1',
  '=1000',
  '=1001',
  '=0',
  '=-1',
  '=1e3',
  ',',
  ';',
  ' ',
  '\t',
  '\n',
  '\u00a0',
  '__proto__',
  'constructor',
  'prototype',
  '\u202e',
  '\u0000',
  'é',
  '\ud835\udcb3',
  '\ud800',
];

const pieces = fc
  .array(fc.constantFrom(...PIECES), { maxLength: 60 })
  .map(parts => parts.join(''));

/** Strings around the 4 KiB limit, and lists around the 200-item limit. */
const long = fc
  .tuple(fc.constantFrom(...PIECES, 'sre, ', 'x;', 'a'), fc.nat(9000))
  .map(([piece, length]) =>
    piece.repeat(Math.ceil((length + 1) / piece.length)).slice(0, length),
  );

const anyString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }) },
  { weight: 4, arbitrary: pieces },
  { weight: 1, arbitrary: long },
);

/** Text for a skills source: CSV-like rows, YAML-like lists, or noise. */
const sourceText = fc.oneof(
  anyString,
  fc
    .array(fc.tuple(pieces, pieces), { maxLength: 30 })
    .map(rows =>
      [
        'user,skills',
        ...rows.map(([u, s]) => `"${u.replace(/"/g, '""')}",${s}`),
      ].join('\r\n'),
    ),
  fc
    .array(fc.tuple(pieces, pieces), { maxLength: 30 })
    .map(rows =>
      rows
        .map(([u, s]) => `- user: ${JSON.stringify(u)}\n  skills: ${s}`)
        .join('\n'),
    ),
  fc
    .array(fc.constantFrom('"', ',', '\n', '\r', 'user', 'skills', 'a', '-'), {
      maxLength: 200,
    })
    .map(parts => parts.join('')),
);

function wellFormed(findings: Finding[], annotation: string) {
  for (const f of findings) {
    expect(['error', 'warning']).toContain(f.severity);
    expect(f.entityRef).toBe(ENTITY);
    expect(f.annotation).toBe(annotation);
    expect(typeof f.message).toBe('string');
    expect(f.message.length).toBeGreaterThan(0);
    expect(f.message.length).toBeLessThan(2000);
    // control and bidi-override characters are escaped in messages
    // eslint-disable-next-line no-control-regex
    expect(f.message).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u202a-\u202e]/);
  }
}

const unique = (list: readonly string[]) => new Set(list).size === list.length;

interface Target {
  input: fc.Arbitrary<string>;
  /** Parses one input; must not throw; asserts the result is well-formed. */
  check(value: string): void;
}

function fuzzParseTeamType(value: string) {
  const r = parseTeamType(value, { entityRef: ENTITY });
  wellFormed(r.findings, ANNOTATION_TEAM_TYPE);
  expect([undefined, 'feature', 'centralized', 'expertise']).toContain(r.value);
  // a type, or an error saying why not
  expect(r.value === undefined).toBe(r.findings.length > 0);
}

function fuzzParseSkillsAnnotationUser(value: string) {
  const r = parseSkillsAnnotation(value, {
    entityRef: ENTITY,
    kind: 'user',
  });
  wellFormed(r.findings, ANNOTATION_SKILLS);
  const v = r.value;
  expect(v.clusters.every(c => CLUSTERS.has(c))).toBe(true);
  expect(unique(v.clusters)).toBe(true);
  expect(v.primary).toBe(v.clusters[0]);
  expect(Object.keys(v.headCounts)).toEqual([]);
  if (v.clusters.length) expect(v.declared).toBe(true);
}

function fuzzParseSkillsAnnotationGroup(value: string) {
  const r = parseSkillsAnnotation(value, {
    entityRef: ENTITY,
    kind: 'group',
  });
  wellFormed(r.findings, ANNOTATION_SKILLS);
  const v = r.value;
  expect(v.primary).toBeUndefined();
  expect(Object.keys(v.headCounts).sort()).toEqual([...v.clusters].sort());
  expect(Object.getPrototypeOf(v.headCounts)).toBe(Object.prototype);
  for (const c of v.clusters) {
    expect(CLUSTERS.has(c)).toBe(true);
    const n = v.headCounts[c];
    // 1–1000 per item, added up over at most 200 items
    expect(Number.isInteger(n) && n >= 1 && n <= 200_000).toBe(true);
  }
}

function fuzzParseRequiredSkills(value: string) {
  const r = parseRequiredSkills(value, { entityRef: ENTITY });
  wellFormed(r.findings, ANNOTATION_REQUIRED_SKILLS);
  if (r.value !== undefined) {
    expect(r.value.length).toBeGreaterThan(0);
    expect(r.value.every(c => CLUSTERS.has(c))).toBe(true);
    expect(unique(r.value)).toBe(true);
  }
}

function fuzzParseDeclinedProducts(value: string) {
  const r = parseDeclinedProducts(value, {
    entityRef: ENTITY,
    defaultNamespace: 'default',
  });
  wellFormed(r.findings, ANNOTATION_DECLINED_PRODUCTS);
  expect(r.value.length).toBeLessThanOrEqual(200);
  expect(unique(r.value)).toBe(true);
  for (const ref of r.value) {
    expect(ref).toMatch(/^[a-z0-9]+:[a-z0-9._-]+\/[a-z0-9._-]+$/);
  }
}

function fuzzParseBooleanAnnotation(value: string) {
  const r = parseBooleanAnnotation(value, {
    entityRef: ENTITY,
    annotation: ANNOTATION_PRODUCT,
  });
  wellFormed(r.findings, ANNOTATION_PRODUCT);
  const text = value.trim().toLowerCase();
  const expected =
    value.length <= 4096 && (text === 'true' || text === 'false');
  expect(r.value).toBe(expected ? text === 'true' : undefined);
  expect(r.findings.length).toBe(expected ? 0 : 1);
}

function fuzzParseConcern(value: string) {
  const r = parseConcern(value, { entityRef: ENTITY });
  wellFormed(r.findings, ANNOTATION_CONCERN);
  if (r.value !== undefined) {
    expect(r.value).toMatch(/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/);
    expect(r.value.length).toBeLessThanOrEqual(63);
    expect(r.findings).toEqual([]);
  } else {
    expect(r.findings).toHaveLength(1);
  }
}

function fuzzParseWaivers(value: string) {
  const r = parseWaivers(value, { entityRef: ENTITY, now: NOW });
  wellFormed(r.findings, ANNOTATION_WAIVERS);
  expect(unique(r.value.map(w => w.checkId))).toBe(true);
  for (const w of r.value) {
    expect(CHECK_IDS.has(w.checkId)).toBe(true);
    expect(w.until).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(`${w.until}T00:00:00Z`).toISOString()).toBe(
      `${w.until}T00:00:00.000Z`,
    );
    // never longer than 365 days from today
    expect(w.until <= '2027-03-15').toBe(true);
    expect(w.active).toBe(w.until >= TODAY);
    expect(w.reason).toBe(w.reason.trim());
    expect(w.reason.length).toBeGreaterThan(0);
    expect(w.reason.length).toBeLessThanOrEqual(1000);
  }
}

function fuzzReadWaiverItem(value: string) {
  const steps = { count: 0 };
  const r = readWaiverItem(value, steps);
  // one pass: a bounded number of looks at each character
  expect(steps.count).toBeLessThanOrEqual(3 * value.length + 10);
  if (r !== undefined) {
    expect(r[0]).toBe(value);
    expect(r[1].length).toBeGreaterThan(0);
    expect(r[1]).not.toMatch(/[\s:]/);
    expect(value.startsWith(r[1])).toBe(true);
    if (r[2] !== undefined) expect(r[2]).not.toMatch(/[\s:]/);
    if (r[3] !== undefined) expect(value.endsWith(r[3])).toBe(true);
  }
}

function fuzzParseSkillsSourceCSV(value: string) {
  const source = parseSkillsSource(value, { source: 'skills.csv' });
  checkSkillsSource(source, 'skills.csv', value);
}

function fuzzParseSkillsSourceYAML(value: string) {
  const source = parseSkillsSource(value, { source: 'skills.yaml' });
  checkSkillsSource(source, 'skills.yaml', value);
}

function fuzzParseCsv(value: string) {
  const { records, problems } = parseCsv(value);
  let previous = 0;
  for (const record of records) {
    expect(record.line).toBeGreaterThan(previous);
    previous = record.line;
    for (const field of record.fields) {
      expect(typeof field.value).toBe('string');
      expect(field.line).toBeGreaterThanOrEqual(record.line);
      expect(field.column).toBeGreaterThanOrEqual(1);
    }
  }
  for (const problem of problems) {
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.message.length).toBeGreaterThan(0);
  }
}

const TARGETS: Record<string, Target> = {
  parseTeamType: { input: anyString, check: fuzzParseTeamType },
  'parseSkillsAnnotation (User)': {
    input: anyString,
    check: fuzzParseSkillsAnnotationUser,
  },
  'parseSkillsAnnotation (Group)': {
    input: anyString,
    check: fuzzParseSkillsAnnotationGroup,
  },
  parseRequiredSkills: { input: anyString, check: fuzzParseRequiredSkills },
  parseDeclinedProducts: { input: anyString, check: fuzzParseDeclinedProducts },
  parseBooleanAnnotation: {
    input: anyString,
    check: fuzzParseBooleanAnnotation,
  },
  parseConcern: { input: anyString, check: fuzzParseConcern },
  parseWaivers: { input: anyString, check: fuzzParseWaivers },
  readWaiverItem: { input: anyString, check: fuzzReadWaiverItem },
  'parseSkillsSource (CSV)': {
    input: sourceText,
    check: fuzzParseSkillsSourceCSV,
  },
  'parseSkillsSource (YAML)': {
    input: sourceText,
    check: fuzzParseSkillsSourceYAML,
  },
  parseCsv: { input: sourceText, check: fuzzParseCsv },
};

function checkSkillsSource(
  source: ReturnType<typeof parseSkillsSource>,
  name: string,
  text: string,
) {
  expect(source.source).toBe(name);
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const f of source.findings) {
    expect(['error', 'warning']).toContain(f.severity);
    expect(f.source).toBe(name);
    expect(Number.isInteger(f.line) && f.line >= 1).toBe(true);
    expect(f.line).toBeLessThanOrEqual(lines);
    expect(f.message.length).toBeGreaterThan(0);
  }
  for (const e of source.entries) {
    expect(['ref', 'email', 'name']).toContain(e.keyType);
    expect(e.key).toBe(e.key.toLowerCase());
    expect(e.line).toBeGreaterThanOrEqual(1);
    const clusters = e.skills.split(', ');
    expect(clusters.every(c => CLUSTERS.has(c))).toBe(true);
    expect(unique(clusters)).toBe(true);
  }
}

describe('annotation parsers under fuzzing (docs/reliability.md)', () => {
  const runs = documentedRuns();

  it('the page lists every parser this test fuzzes, and no other', () => {
    expect(Array.from(runs.keys()).sort()).toEqual(Object.keys(TARGETS).sort());
  });

  it.each(Object.keys(TARGETS))(
    '%s: the documented number of runs, 0 throws, every result well-formed',
    name => {
      const target = TARGETS[name];
      const numRuns = runs.get(name);
      expect(numRuns).toBeGreaterThanOrEqual(1000);
      let ran = 0;
      // a throw inside the property fails fc.assert with the input that
      // caused it (shrunk) and the seed to replay it
      fc.assert(
        fc.property(target.input, value => {
          ran += 1;
          target.check(value);
        }),
        { numRuns },
      );
      expect(ran).toBe(numRuns);
    },
    120_000,
  );
});
