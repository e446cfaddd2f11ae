import fs from 'node:fs';
import path from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import { FINDING_CODES } from '../findingCodes';
import {
  SKILLS_SOURCE_FINDING_CODES,
  SkillsCellFindingCode,
  SkillsSourceFindingCode,
} from './findingCodes';
import { MAX_SKILLS_SOURCE_LENGTH, MAX_SKILLS_SOURCE_ROWS } from './model';
import type { SkillsSourceFinding } from './model';
import { applySkillsSources, parseSkillsSource } from './index';

const csv = (...rows: string[]) =>
  parseSkillsSource(['user,skills', ...rows].join('\n'), {
    source: 'skills.csv',
  }).findings;
const yaml = (text: string) =>
  parseSkillsSource(text, { source: 'skills.yaml' }).findings;

function user(name: string, email?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: { memberOf: [], ...(email ? { profile: { email } } : {}) },
  };
}

/** For each code, a source (and catalog) that makes it come out. */
const CASES: Record<
  SkillsSourceFindingCode | SkillsCellFindingCode,
  () => SkillsSourceFinding[]
> = {
  'not-text': () =>
    parseSkillsSource(42 as unknown as string, { source: 'skills.csv' })
      .findings,
  'source-too-long': () =>
    parseSkillsSource(' '.repeat(MAX_SKILLS_SOURCE_LENGTH + 1), {
      source: 'skills.csv',
    }).findings,
  'yaml-too-long': () => yaml('- user: jdoe\n  skills: sre\n'.repeat(1000)),
  'too-many-rows': () =>
    csv(
      ...Array.from(
        { length: MAX_SKILLS_SOURCE_ROWS + 2 },
        (_, i) => `p${i},sre`,
      ),
    ),
  'empty-source': () =>
    parseSkillsSource('', { source: 'skills.csv' }).findings,
  'missing-columns': () =>
    parseSkillsSource('email,skills\njdoe@example.com,sre\n', {
      source: 'skills.csv',
    }).findings,
  'team-type-column': () =>
    parseSkillsSource('user,skills,teamType\njdoe,sre,feature\n', {
      source: 'skills.csv',
    }).findings,
  'csv-unclosed-quote': () => csv('jdoe,"sre'),
  'csv-text-after-quote': () => csv('jdoe,"sre"x'),
  'yaml-syntax-error': () => yaml('- user: [jdoe\n'),
  'yaml-not-a-list': () => yaml('user: jdoe\nskills: sre\n'),
  'yaml-row-not-a-mapping': () => yaml('- jdoe\n'),
  'yaml-value-not-text': () => yaml('- user: { name: jdoe }\n  skills: sre\n'),
  'yaml-empty-row': () => yaml('- name: jdoe\n'),
  'missing-user': () => csv(',sre'),
  'invalid-user': () => csv(`${'x'.repeat(400)},sre`),
  'duplicate-user': () => csv('jdoe,sre', 'JDOE,data-engineer'),
  'unknown-user': () =>
    applySkillsSources(
      [user('ann')],
      [
        {
          source: parseSkillsSource('user,skills\nghost,sre\n', {
            source: 'skills.csv',
          }),
          precedence: 'entity',
        },
      ],
    ).findings,
  'missing-skills': () => csv('jdoe,'),
  'skills-too-long': () => csv(`jdoe,"${'sre, '.repeat(1100)}"`),
  'skills.unknown-cluster': () => csv('jdoe,wizard'),
  'skills.duplicate-cluster': () => csv('jdoe,"sre, sre"'),
  'skills.unexpected-count': () => csv('jdoe,sre=2'),
  'annotation.too-many-items': () =>
    csv(`jdoe,"${Array(201).fill('sre').join(',')}"`),
};

const severityOf = (code: string) =>
  (SKILLS_SOURCE_FINDING_CODES as Record<string, { severity: string }>)[code]
    ?.severity ??
  (FINDING_CODES as Record<string, { severity: string }>)[code]?.severity;

describe('skills-source finding codes', () => {
  it.each(
    Object.entries(CASES) as [
      SkillsSourceFindingCode | SkillsCellFindingCode,
      () => SkillsSourceFinding[],
    ][],
  )(
    '%s is the code of the finding a source made to produce it has',
    (code, findingsOf) => {
      const findings = findingsOf();
      const found = findings.find(f => f.code === code);
      expect(found).toBeDefined();
      expect(found!.severity).toBe(severityOf(code));
    },
    30_000,
  );

  it('gives every finding a listed code with that code’s severity', () => {
    const findings = Object.entries(CASES)
      .filter(([code]) => code !== 'too-many-rows')
      .flatMap(([, findingsOf]) => findingsOf());
    expect(findings.length).toBeGreaterThan(Object.keys(CASES).length);
    for (const finding of findings) {
      expect(Object.keys(CASES)).toContain(finding.code);
      expect(finding.severity).toBe(severityOf(finding.code));
    }
  });

  it('gives a row naming someone already named in another source the code of a duplicate', () => {
    const a = parseSkillsSource('user,skills\njdoe,sre\n', { source: 'a.csv' });
    const b = parseSkillsSource('user,skills\njd@example.com,sre\n', {
      source: 'b.csv',
    });
    const { findings } = applySkillsSources(
      [user('jdoe', 'jd@example.com')],
      [
        { source: a, precedence: 'entity' },
        { source: b, precedence: 'entity' },
      ],
    );
    expect(findings).toEqual([
      expect.objectContaining({
        source: 'b.csv',
        code: 'duplicate-user',
        severity: 'error',
      }),
    ]);
  });

  it('are each documented in docs/annotations.md, which lists no other', () => {
    const docs = fs.readFileSync(
      path.resolve(__dirname, '../../../../docs/annotations.md'),
      'utf8',
    );
    const start = docs.indexOf('\n### Codes of skills-source findings\n');
    expect(start).toBeGreaterThan(0);
    const section = docs.slice(start + 1);
    const next = section.indexOf('\n#');
    const table = next < 0 ? section : section.slice(0, next);
    const documented = [...table.matchAll(/^\| `([a-z-]+)` +\|/gm)].map(
      m => m[1],
    );
    expect(documented.sort()).toEqual(
      Object.keys(SKILLS_SOURCE_FINDING_CODES).sort(),
    );
  });
});
