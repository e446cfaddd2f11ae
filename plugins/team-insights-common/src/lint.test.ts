import type { Entity } from '@backstage/catalog-model';
import fc from 'fast-check';
import { lintEntity } from './lint';
import { component, group, NOW, user } from './testing/entities';

describe('lintEntity', () => {
  it('reports the annotation findings of one entity, sorted, without catalog context', () => {
    const findings = lintEntity(
      group('team', {
        teamType: 'platfrom',
        skills: 'data-scientist=two, sre=1',
        declinedProducts: 'has spaces here',
      }),
      { now: NOW },
    );
    expect(findings.map(f => [f.severity, f.annotation])).toEqual([
      ['error', 'team-insights.io/declined-products'],
      ['error', 'team-insights.io/skills'],
      ['error', 'team-insights.io/team-type'],
      ['warning', 'team-insights.io/team-type'],
    ]);
    expect(findings[2].message).toContain("did you mean 'platform'?");
  });

  it('a team without a team type gets a warning with the YAML to declare it', () => {
    const [finding] = lintEntity(group('team'));
    expect(finding.severity).toBe('warning');
    expect(finding.message).toContain('evaluated as a feature team');
    expect(finding.message).toContain('```yaml');
  });

  it('an annotation on the wrong kind has no effect and says so', () => {
    expect(lintEntity(user('jdoe', { skills: 'sre' }))).toEqual([]);
    const findings = lintEntity(
      component('svc', {
        annotations: { 'team-insights.io/team-type': 'feature' },
      }),
    );
    expect(findings).toEqual([
      {
        severity: 'warning',
        code: 'annotation.wrong-kind',
        entityRef: 'component:default/svc',
        annotation: 'team-insights.io/team-type',
        message:
          'team-insights.io/team-type applies to Groups; on a Component it has no effect',
        params: { kind: 'component' },
      },
    ]);
  });

  it('a misspelt annotation key is found', () => {
    const findings = lintEntity(
      group('team', {
        teamType: 'feature',
        annotations: { 'team-insights.io/team-typ': 'x' },
      }),
    );
    expect(findings[0].message).toContain(
      "did you mean 'team-insights.io/team-type'?",
    );
  });

  it('thousands of unknown annotations are summed up in one finding', () => {
    const annotations: Record<string, string> = {};
    for (let i = 0; i < 5000; i++) annotations[`team-insights.io/x${i}`] = 'v';
    const findings = lintEntity(
      group('team', { teamType: 'feature', annotations }),
    );
    expect(findings).toHaveLength(21);
    expect(findings).toContainEqual(
      expect.objectContaining({
        message:
          '4980 more unknown team-insights.io/ annotations; they have no effect',
      }),
    );
  });

  it('mandatory on something that is not a product is pointless', () => {
    const findings = lintEntity(
      component('svc', { product: 'false', mandatory: 'true' }),
    );
    expect(findings[0].message).toContain('has no effect');
  });

  it('waivers: custom check ids can be allowed, expired ones warn', () => {
    const entity = group('team', {
      teamType: 'feature',
      waivers: 'composition.on-call until 2026-01-01: hiring',
    });
    expect(lintEntity(entity, { now: NOW })[0].message).toContain(
      'unknown check',
    );
    expect(
      lintEntity(entity, {
        now: NOW,
        checkIds: ['composition.on-call'],
      }),
    ).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringContaining('expired on 2026-01-01'),
      }),
    ]);
  });

  it('never throws, whatever the entity', () => {
    fc.assert(
      fc.property(fc.anything(), value => {
        expect(Array.isArray(lintEntity(value as Entity))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
