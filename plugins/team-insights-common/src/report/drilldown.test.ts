import { BUILT_IN_CHECKS } from '../catalogue';
import { evaluate } from '../evaluate';
import {
  component,
  group,
  members,
  NOW,
  withRelations,
} from '../testing/entities';
import type { Report } from '../types';
import {
  checkTallies,
  drillDown,
  drillDownStatusOf,
  teamCheckStatus,
} from './drilldown';

/**
 * Four feature teams under two units: search (4 people) and pricing (none,
 * owning an undocumented service) below ml; ledger (none, the size check
 * waived) and solo (1 person) below finance.
 */
function organisation(): Report {
  return evaluate(
    withRelations([
      group('ml', { type: 'department' }),
      group('finance', { type: 'department' }),
      group('search', { teamType: 'feature', parent: 'ml' }),
      ...members('search', ['sre', 'data-engineer', 'data-scientist', 'sre']),
      group('pricing', { teamType: 'feature', parent: 'ml' }),
      group('ledger', {
        teamType: 'feature',
        parent: 'finance',
        waivers: 'composition.team-size until 2026-12-31: hiring',
      }),
      group('solo', { teamType: 'feature', parent: 'finance' }),
      ...members('solo', ['sre']),
      component('pricing-api', { owner: 'pricing' }),
      component('search-svc', { owner: 'search', documented: true }),
    ]),
    { now: NOW },
  );
}

const refs = (rows: Array<{ team: { entityRef: string } }>) =>
  rows.map(row => row.team.entityRef);

describe('drillDown', () => {
  const report = organisation();

  it('lists the teams that fail a check, leaving out waived and passing ones', () => {
    const rows = drillDown(report.teams, {
      check: 'composition.team-size',
      status: 'fail',
    });
    expect(refs(rows)).toEqual(['group:default/pricing']);
    expect(rows[0].check).toMatchObject({
      id: 'composition.team-size',
      scorecard: 'composition',
      status: 'fail',
    });
    expect(rows[0].check.remediation).toMatch(/Add the members to the Group/);
  });

  it('answers each status apart: warn, waived, pass', () => {
    const of = (status: 'warn' | 'waived' | 'pass') =>
      refs(drillDown(report.teams, { check: 'composition.team-size', status }));
    expect(of('warn')).toEqual(['group:default/solo']);
    expect(of('waived')).toEqual(['group:default/ledger']);
    expect(of('pass')).toEqual(['group:default/search']);
  });

  it('without a status lists every team that carries the check, in the order given', () => {
    const rows = drillDown(report.teams, { check: 'composition.team-size' });
    expect(refs(rows)).toEqual(report.teams.map(t => t.entityRef));
  });

  it('keeps only the teams below an org unit, whatever the case of the ref', () => {
    const rows = drillDown(report.teams, {
      check: 'composition.team-size',
      orgUnit: 'Group:default/Finance',
    });
    expect(refs(rows).sort()).toEqual([
      'group:default/ledger',
      'group:default/solo',
    ]);
  });

  it('names the owned entities that fail a documentation check', () => {
    const rows = drillDown(report.teams, {
      check: 'docs.description',
      status: 'fail',
    });
    expect(refs(rows)).toEqual(['group:default/pricing']);
    expect(rows[0].check.entities).toEqual(['component:default/pricing-api']);
  });

  it('lists nothing for a check no team carries', () => {
    expect(drillDown(report.teams, { check: 'adoption.nothing' })).toEqual([]);
  });
});

describe('drillDownStatusOf and teamCheckStatus', () => {
  it('tells a waived failure from a pass', () => {
    const check = {
      id: 'composition.team-size',
      title: 'Team size',
      status: 'fail' as const,
      weight: 2,
      message: '0 people',
    };
    expect(drillDownStatusOf(check)).toBe('fail');
    expect(
      drillDownStatusOf({
        ...check,
        waived: { until: '2026-12-31', reason: 'x' },
      }),
    ).toBe('waived');
  });

  it('is undefined for a team whose scorecards do not carry the check', () => {
    const [team] = organisation().teams;
    expect(teamCheckStatus(team, 'composition.nothing')).toBeUndefined();
  });
});

describe('checkTallies', () => {
  it('counts the teams per status for every check of the catalogue, in its order', () => {
    const tallies = checkTallies(organisation().teams, BUILT_IN_CHECKS);
    expect(tallies.map(t => t.id)).toEqual(BUILT_IN_CHECKS.map(c => c.id));
    const size = tallies.find(t => t.id === 'composition.team-size')!;
    expect(size.teams).toEqual({
      fail: 1,
      warn: 1,
      waived: 1,
      pass: 1,
      'not-applicable': 0,
    });
    const description = tallies.find(t => t.id === 'docs.description')!;
    expect(description.teams.fail).toBe(1);
  });

  it('adds the checks the teams carry that the catalogue lacks, after it', () => {
    const teams = organisation().teams;
    const catalogue = BUILT_IN_CHECKS.filter(
      c => c.id !== 'composition.team-size',
    );
    const tallies = checkTallies(teams, catalogue);
    expect(tallies.map(t => t.id)).toEqual([
      ...catalogue.map(c => c.id),
      'composition.team-size',
    ]);
    expect(tallies[tallies.length - 1]).toMatchObject({
      title: 'Team size',
      scorecard: 'composition',
      teams: { fail: 1, warn: 1, waived: 1, pass: 1 },
    });
  });

  it('counts only the teams it is given (those a caller may see)', () => {
    const teams = organisation().teams.filter(
      t => t.entityRef !== 'group:default/pricing',
    );
    const size = checkTallies(teams, BUILT_IN_CHECKS).find(
      t => t.id === 'composition.team-size',
    )!;
    expect(size.teams.fail).toBe(0);
  });
});
