import { z } from 'zod/v4';
import { entityRefField, refFilter, refVisitor } from './entityRefs';
import { EntityRef, Finding, TeamReport } from './models';

const Ref = entityRefField(z.string());

const Thing = z.object({
  entityRef: Ref,
  owner: Ref.optional(),
  name: z.string(),
  members: z.array(Ref),
  notes: z.array(z.object({ by: Ref, text: z.string() })).optional(),
  byRole: z.record(z.string(), z.array(Ref)),
  size: z.number(),
});
type ThingValue = z.output<typeof Thing>;

const thing: ThingValue = {
  entityRef: 'group:default/a',
  owner: 'group:default/hidden-owner',
  name: 'group:default/not-a-ref-field',
  members: ['user:default/x', 'user:default/hidden', 'user:default/y'],
  notes: [
    { by: 'user:default/hidden', text: 'about user:default/hidden' },
    { by: 'user:default/x', text: 'fine' },
  ],
  byRole: { lead: ['user:default/hidden'], dev: ['user:default/y'] },
  size: 3,
};

const keep = (ref: string) => !ref.includes('hidden');

describe('refVisitor', () => {
  it('finds every ref in the fields the model marks, and where it is', () => {
    const found: [string, string][] = [];
    refVisitor(Thing)(thing, (ref, path) => found.push([path, ref]));
    expect(found).toEqual([
      ['entityRef', 'group:default/a'],
      ['owner', 'group:default/hidden-owner'],
      ['members[0]', 'user:default/x'],
      ['members[1]', 'user:default/hidden'],
      ['members[2]', 'user:default/y'],
      ['notes[0].by', 'user:default/hidden'],
      ['notes[1].by', 'user:default/x'],
      ['byRole.lead[0]', 'user:default/hidden'],
      ['byRole.dev[0]', 'user:default/y'],
    ]);
  });

  it('finds a ref in a field added to a report model, with no other edit', () => {
    const Extended = TeamReport.extend({ reviewers: z.array(EntityRef) });
    const found: string[] = [];
    refVisitor(Extended)(
      {
        entityRef: 'group:default/t',
        orgUnits: [],
        owned: ['component:default/c'],
        scorecards: {},
        reviewers: ['user:default/r'],
      },
      ref => found.push(ref),
    );
    expect(found).toEqual([
      'group:default/t',
      'component:default/c',
      'user:default/r',
    ]);
  });

  it("finds a finding's subject and the entities it names", () => {
    const found: string[] = [];
    refVisitor(Finding)(
      {
        severity: 'warning',
        entityRef: 'group:default/t',
        message: 'names component:default/c',
        entityRefs: ['component:default/c'],
      },
      ref => found.push(ref),
    );
    expect(found).toEqual(['group:default/t', 'component:default/c']);
  });

  it('skips values that are not what the model says', () => {
    const found: string[] = [];
    refVisitor(Thing)(
      { entityRef: 42, members: 'user:default/x', byRole: null },
      ref => found.push(ref),
    );
    expect(found).toEqual([]);
  });

  it('refuses a union whose options hold refs', () => {
    expect(() => refVisitor(z.union([Ref, z.number()]))).toThrow(/union/);
  });
});

describe('refFilter', () => {
  const filter = refFilter<ThingValue>(Thing);

  it('takes out the refs turned down and keeps everything else', () => {
    const before = JSON.stringify(thing);
    expect(filter(thing, keep)).toEqual({
      entityRef: 'group:default/a',
      name: 'group:default/not-a-ref-field',
      members: ['user:default/x', 'user:default/y'],
      notes: [{ by: 'user:default/x', text: 'fine' }],
      byRole: { lead: [], dev: ['user:default/y'] },
      size: 3,
    });
    // nothing is changed in place
    expect(JSON.stringify(thing)).toBe(before);
  });

  it('returns the same objects where nothing is hidden', () => {
    const result = filter(thing, () => true);
    expect(result).toBe(thing);
    const partly = filter(thing, ref => ref !== 'group:default/hidden-owner');
    expect(partly).not.toBe(thing);
    expect(partly?.members).toBe(thing.members);
    expect(partly?.notes).toBe(thing.notes);
  });

  it('drops a value whose required ref is hidden', () => {
    expect(filter(thing, ref => ref !== 'group:default/a')).toBeUndefined();
  });

  it('takes a hidden ref out of a field added to a report model', () => {
    const Extended = TeamReport.extend({ reviewers: z.array(EntityRef) });
    const team = {
      entityRef: 'group:default/t',
      orgUnits: [],
      owned: [],
      scorecards: {},
      reviewers: ['user:default/r', 'user:default/hidden'],
    };
    expect(refFilter<typeof team>(Extended)(team, keep)?.reviewers).toEqual([
      'user:default/r',
    ]);
  });
});
