import type { Entity } from '@backstage/catalog-model';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { parseCsv } from './csv';
import {
  applySkillsSources,
  parseSkillsSource,
  parseSkillsSourceInSlices,
  SkillsSourceIndex,
  applySkillsSourceMatch,
} from './index';

function user(name: string, extra: Partial<Entity> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default', ...(extra.metadata ?? {}) },
    spec: { memberOf: [], ...(extra.spec ?? {}) },
  };
}

const skillsOf = (e: Entity) =>
  e.metadata.annotations?.['team-insights.io/skills'];

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, CRLF and a BOM, with the line of each record', () => {
    const text =
      '\ufeffuser,skills\r\n"jdoe@example.com","data-engineer, sre"\r\n\r\nann,"say ""hi""\nthere"\r\nbob,analytics-translator';
    const { records, problems } = parseCsv(text);
    expect(problems).toEqual([]);
    expect(records.map(r => [r.line, r.fields.map(f => f.value)])).toEqual([
      [1, ['user', 'skills']],
      [2, ['jdoe@example.com', 'data-engineer, sre']],
      [4, ['ann', 'say "hi"\nthere']],
      [6, ['bob', 'analytics-translator']],
    ]);
    expect(records[1].fields[1]).toMatchObject({ line: 2, column: 20 });
  });

  it('reports an unclosed quote at its place and keeps reading', () => {
    const { records, problems } = parseCsv('user,skills\njdoe,"sre\n');
    expect(records).toHaveLength(2);
    expect(problems).toEqual([expect.objectContaining({ line: 2, column: 6 })]);
  });

  it('reads back whatever a real CSV writer writes', () => {
    const cell = fc.string({ unit: 'grapheme', maxLength: 20 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 20 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (rows, eol, bom) => {
          // a record of empty cells is written as a blank line, which CSV
          // readers skip
          const kept = rows.filter(r => r.some(c => c !== ''));
          const text = stringify(kept, { record_delimiter: eol, bom });
          const { records, problems } = parseCsv(text);
          expect(problems).toEqual([]);
          expect(records.map(r => r.fields.map(f => f.value))).toEqual(kept);
        },
      ),
    );
  });

  it('never throws and stays linear on hostile text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), text => {
        const { records } = parseCsv(text);
        for (const r of records) expect(r.line).toBeGreaterThanOrEqual(1);
      }),
    );
    const huge = `${'"'.repeat(200_001)},\n`.repeat(5);
    expect(() => parseCsv(huge)).not.toThrow();
  });
});

describe('parseSkillsSource', () => {
  it('reads CSV rows into annotation values, primary first, aliases resolved', () => {
    const source = parseSkillsSource(
      'User,Skills,Department\njdoe@example.com,"SRE, data-engineer",ML\nuser:default/ann,analytics-translator,ML\n',
      { source: 'skills.csv' },
    );
    expect(source.findings).toEqual([]);
    expect(source.entries).toEqual([
      expect.objectContaining({
        key: 'jdoe@example.com',
        keyType: 'email',
        skills: 'site-reliability-engineer, data-engineer',
        line: 2,
      }),
      expect.objectContaining({
        key: 'user:default/ann',
        keyType: 'ref',
        skills: 'analytics-translator',
        line: 3,
      }),
    ]);
  });

  it('reads the YAML form, with skills as text or as a list', () => {
    const source = parseSkillsSource(
      '# skills\n- user: jdoe\n  skills: data-scientist, sre\n- user: ann@example.com\n  skills: [analytics-translator]\n',
      { source: 'people/skills.yaml' },
    );
    expect(source.findings).toEqual([]);
    expect(source.entries.map(e => [e.key, e.skills, e.line])).toEqual([
      ['jdoe', 'data-scientist, site-reliability-engineer', 2],
      ['ann@example.com', 'analytics-translator', 4],
    ]);
  });

  it('turns unknown clusters, duplicates and empty cells into findings at their line, using the rest', () => {
    const source = parseSkillsSource(
      [
        'user,skills',
        'jdoe,"data-sceintist, sre"',
        'JDOE,data-engineer',
        'ann,',
        ',sre',
        'bob,wizard',
        'eve,data-engineer',
      ].join('\n'),
      { source: 'skills.csv' },
    );
    expect(source.entries.map(e => [e.key, e.skills])).toEqual([
      ['jdoe', 'site-reliability-engineer'],
      ['eve', 'data-engineer'],
    ]);
    expect(
      source.findings.map(f => [f.line, f.column, f.severity, f.message]),
    ).toEqual([
      [
        2,
        6,
        'error',
        "unknown skill cluster 'data-sceintist' (did you mean 'data-scientist'?)",
      ],
      [
        3,
        1,
        'error',
        "'JDOE' is listed again (first at line 2); the first row is used and this one ignored",
      ],
      [4, 5, 'warning', expect.stringContaining("no skills for 'ann'")],
      [5, 1, 'error', expect.stringContaining('the row has no user')],
      [
        6,
        5,
        'error',
        expect.stringContaining("unknown skill cluster 'wizard'"),
      ],
    ]);
  });

  it('reads a large CSV source in slices, pausing between them, with the same result', async () => {
    const rows = ['user,skills'];
    for (let i = 0; i < 2000; i++) rows.push(`p${i},"sre, data-engineer"`);
    const text = rows.join('\n');
    let pauses = 0;
    const sliced = await parseSkillsSourceInSlices(
      text,
      { source: 's.csv' },
      async () => {
        pauses += 1;
      },
    );
    expect(pauses).toBeGreaterThanOrEqual(3);
    expect(sliced).toEqual(parseSkillsSource(text, { source: 's.csv' }));
    expect(sliced.entries).toHaveLength(2000);
  });

  it('refuses a YAML source too large to parse in one piece, pointing at CSV', () => {
    const big = '- user: jdoe\n  skills: sre\n'.repeat(1000);
    const source = parseSkillsSource(big, { source: 'skills.yaml' });
    expect(source.entries).toEqual([]);
    expect(source.findings).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('Write large mappings as CSV'),
      }),
    ]);
  });

  it('says what is missing when the header lacks a column, and reads nothing', () => {
    const source = parseSkillsSource('email,skills\njdoe@x.com,sre\n', {
      source: 'hr.csv',
    });
    expect(source.entries).toEqual([]);
    expect(source.findings).toEqual([
      expect.objectContaining({
        line: 1,
        message: expect.stringContaining('"user" and "skills"'),
      }),
    ]);
  });

  it('never throws on hostile input, and every finding has a line', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc
        .array(
          fc.tuple(
            fc.oneof(
              fc.constantFrom('__proto__', 'constructor', 'user:', '@', ''),
              fc.string(),
            ),
            fc.oneof(fc.constantFrom('__proto__', 'sre=1', ',,,'), fc.string()),
          ),
          { maxLength: 20 },
        )
        .map(rows => stringify([['user', 'skills'], ...rows])),
    );
    fc.assert(
      fc.property(text, fc.constantFrom('s.csv', 's.yaml', 's'), (t, name) => {
        const source = parseSkillsSource(t, { source: name });
        for (const f of source.findings) {
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.source).toBe(name);
        }
        for (const e of source.entries) {
          expect(e.skills).toMatch(/^[a-z0-9-]+(, [a-z0-9-]+)*$/);
        }
      }),
    );
  });
});

describe('applying sources', () => {
  const csv = [
    'user,skills',
    'user:default/jdoe,data-scientist',
    'ann@example.com,"sre, data-engineer"',
    'bob,analytics-translator',
    'ghost,data-engineer',
  ].join('\n');

  it('matches by entity ref, e-mail and name, case-insensitively, and reports rows naming nobody', () => {
    const source = parseSkillsSource(csv, { source: 'skills.csv' });
    const { entities, findings } = applySkillsSources(
      [
        user('JDoe'),
        user('ann', { spec: { profile: { email: 'Ann@Example.com' } } }),
        user('bob', { metadata: { name: 'bob', namespace: 'sales' } }),
        user('carl'),
      ],
      [{ source, precedence: 'entity' }],
    );
    expect(entities.map(skillsOf)).toEqual([
      'data-scientist',
      'site-reliability-engineer, data-engineer',
      'analytics-translator',
      undefined,
    ]);
    expect(findings).toEqual([
      expect.objectContaining({
        line: 5,
        severity: 'warning',
        message: "no User has 'ghost' as metadata.name; the row was not used",
      }),
    ]);
  });

  it('keeps the entity’s own annotation by default and replaces it with precedence source', () => {
    const source = parseSkillsSource(csv, { source: 'skills.csv' });
    const own = user('jdoe', {
      metadata: {
        name: 'jdoe',
        annotations: { 'team-insights.io/skills': 'ux-designer' },
      },
    });
    const kept = applySkillsSourceMatch(
      own,
      new SkillsSourceIndex([{ source, precedence: 'entity' }]).lookup(own),
    );
    expect(kept).toBe(own);
    const replaced = applySkillsSourceMatch(
      own,
      new SkillsSourceIndex([{ source, precedence: 'source' }]).lookup(own),
    );
    expect(skillsOf(replaced)).toBe('data-scientist');
    expect(skillsOf(own)).toBe('ux-designer');
  });

  it('uses the first row when two rows name the same person in different ways, and reports the other', () => {
    const a = parseSkillsSource('user,skills\njdoe,data-scientist\n', {
      source: 'a.csv',
    });
    const b = parseSkillsSource('user,skills\njd@example.com,sre\n', {
      source: 'b.csv',
    });
    const { entities, findings } = applySkillsSources(
      [user('jdoe', { spec: { profile: { email: 'jd@example.com' } } })],
      [
        { source: a, precedence: 'entity' },
        { source: b, precedence: 'source' },
      ],
    );
    expect(skillsOf(entities[0])).toBe('data-scientist');
    expect(findings).toEqual([
      expect.objectContaining({
        source: 'b.csv',
        line: 2,
        message:
          "'jd@example.com' is user:default/jdoe, who is already listed in a.csv at line 2; that row is used and this one ignored",
      }),
    ]);
  });

  it('leaves Groups and other kinds alone', () => {
    const source = parseSkillsSource('user,skills\nteam,sre\n', {
      source: 's.csv',
    });
    const group: Entity = { ...user('team'), kind: 'Group' };
    const { entities } = applySkillsSources(
      [group],
      [{ source, precedence: 'source' }],
    );
    expect(entities[0]).toBe(group);
  });
});
