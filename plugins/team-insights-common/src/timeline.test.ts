import type { Entity } from '@backstage/catalog-model';
import { cloneConfig, defaultTeamInsightsConfig } from './config';
import { evaluate } from './evaluate';
import {
  component,
  group,
  NOW,
  teamOf,
  withRelations,
} from './testing/entities';
import {
  advanceTimeline,
  emptyTimeline,
  TeamInsightsTimeline,
} from './timeline';
import type { Report } from './types';

// The seed's two timing rules, judged against what earlier evaluations saw:
// "extract when evident" and "not too early". Every clock here is fixed.

const daysBefore = (days: number, from: Date = NOW) =>
  new Date(from.getTime() - days * 86_400_000);

/** Three feature teams each building their own scheduler: a candidate. */
const schedulers = (): Entity[] => [
  group('a', { teamType: 'feature' }),
  group('b', { teamType: 'feature' }),
  group('c', { teamType: 'feature' }),
  component('a-cron', { owner: 'a', product: 'false', concern: 'scheduling' }),
  component('b-cron', { owner: 'b', product: 'false', concern: 'scheduling' }),
  component('c-cron', { owner: 'c', product: 'false', concern: 'scheduling' }),
];

const concernOf = (report: Report, concern: string) =>
  report.concerns.find(c => c.concern === concern)!;

const notTooEarly = (report: Report, team: string) =>
  teamOf(report, team).scorecards.adoption.checks.find(
    c => c.id === 'adoption.not-too-early',
  )!;

/** Evaluates at each date in turn, carrying the timeline as the backend does. */
function history(entities: Entity[], dates: Date[]) {
  let timeline: TeamInsightsTimeline = emptyTimeline();
  let report: Report | undefined;
  for (const now of dates) {
    report = evaluate(withRelations(entities), { now, timeline });
    timeline = advanceTimeline(timeline, report, now);
  }
  return { report: report!, timeline };
}

describe('extract when evident', () => {
  it('a concern that stays a candidate for more than 90 days becomes evident', () => {
    const start = daysBefore(91);
    const { report, timeline } = history(schedulers(), [
      start,
      daysBefore(30),
      NOW,
    ]);
    expect(timeline.concerns.scheduling.candidateSince).toBe(
      start.toISOString(),
    );
    expect(concernOf(report, 'scheduling')).toMatchObject({
      verdict: 'centralize-candidate',
      candidateSince: start.toISOString(),
      evident: true,
    });
  });

  it('a candidate of exactly 90 days is not yet evident', () => {
    const { report } = history(schedulers(), [daysBefore(90), NOW]);
    expect(concernOf(report, 'scheduling')).toMatchObject({
      candidateSince: daysBefore(90).toISOString(),
      evident: false,
    });
  });

  it('a new candidate starts its clock now', () => {
    const report = evaluate(withRelations(schedulers()), {
      now: NOW,
      timeline: emptyTimeline(),
    });
    expect(concernOf(report, 'scheduling')).toMatchObject({
      candidateSince: NOW.toISOString(),
      evident: false,
    });
  });

  it('follows thresholds.extractWhenEvidentDays', () => {
    const config = cloneConfig(defaultTeamInsightsConfig);
    config.thresholds.extractWhenEvidentDays = 14;
    const timeline = advanceTimeline(
      emptyTimeline(),
      evaluate(withRelations(schedulers()), {
        now: daysBefore(15),
        timeline: emptyTimeline(),
      }),
      daysBefore(15),
    );
    const report = evaluate(withRelations(schedulers()), {
      now: NOW,
      timeline,
      config,
    });
    expect(concernOf(report, 'scheduling').evident).toBe(true);
  });

  it('a concern that stops being a candidate starts afresh when it returns', () => {
    const two = schedulers().filter(
      e => !['c', 'c-cron'].includes(e.metadata.name),
    );
    const { report, timeline } = history(schedulers(), [daysBefore(200)]);
    expect(concernOf(report, 'scheduling').evident).toBe(false);
    const dropped = advanceTimeline(
      timeline,
      evaluate(withRelations(two), { now: daysBefore(100), timeline }),
      daysBefore(100),
    );
    expect(dropped.concerns).toEqual({});
    const back = evaluate(withRelations(schedulers()), {
      now: NOW,
      timeline: dropped,
    });
    expect(concernOf(back, 'scheduling')).toMatchObject({
      candidateSince: NOW.toISOString(),
      evident: false,
    });
  });

  it('concerns that are not candidates carry no date', () => {
    const entities = [
      ...schedulers(),
      group('platform', { teamType: 'centralized' }),
      component('scheduler', { owner: 'platform', concern: 'batch' }),
    ];
    const report = evaluate(withRelations(entities), {
      now: NOW,
      timeline: emptyTimeline(),
    });
    expect(concernOf(report, 'batch')).toMatchObject({
      verdict: 'covered',
      candidateSince: null,
      evident: false,
    });
  });

  it('without a timeline, concerns are reported as before', () => {
    const report = evaluate(withRelations(schedulers()), { now: NOW });
    expect(concernOf(report, 'scheduling')).toEqual({
      concern: 'scheduling',
      builtBy: ['group:default/a', 'group:default/b', 'group:default/c'],
      products: [],
      verdict: 'centralize-candidate',
    });
  });
});

describe('adoption.not-too-early', () => {
  /** A platform team with a scheduler product; `adopters` feature teams use it. */
  const platform = (adopters: string[], rebuilders: string[] = []) => [
    group('platform', { teamType: 'centralized' }),
    component('scheduler', {
      owner: 'platform',
      concern: 'scheduling',
      documented: true,
    }),
    ...['a', 'b', 'c'].map(t => group(t, { teamType: 'feature' })),
    ...adopters.map(t =>
      component(`${t}-app`, { owner: t, dependsOn: ['component:scheduler'] }),
    ),
    ...rebuilders.map(t =>
      component(`${t}-cron`, {
        owner: t,
        product: 'false',
        concern: 'scheduling',
      }),
    ),
  ];

  it('is not applicable without a timeline', () => {
    const report = evaluate(withRelations(platform([])), { now: NOW });
    expect(notTooEarly(report, 'platform').status).toBe('not-applicable');
  });

  it('is not applicable to feature teams', () => {
    const report = evaluate(withRelations(platform(['a', 'b'])), {
      now: NOW,
      timeline: emptyTimeline(),
    });
    expect(
      teamOf(report, 'a').scorecards.adoption.checks.map(c => c.id),
    ).not.toContain('adoption.not-too-early');
  });

  it('passes a team created when two feature teams built the concern, now adopted', () => {
    // created while a and b rebuilt scheduling; later both adopted the product
    const { timeline } = history(platform([], ['a', 'b']), [daysBefore(120)]);
    expect(timeline.centralizedTeams['group:default/platform']).toEqual({
      since: daysBefore(120).toISOString(),
      featureTeams: 2,
      hadAdopters: false,
    });
    const report = evaluate(withRelations(platform(['a', 'b'])), {
      now: NOW,
      timeline,
    });
    const check = notTooEarly(report, 'platform');
    expect(check.status).toBe('pass');
    expect(check.message).toBe(
      `Centralized since ${daysBefore(120)
        .toISOString()
        .slice(
          0,
          10,
        )} (120 days); 2 feature teams build on its concerns, and its first product adopter came on ${NOW.toISOString().slice(
        0,
        10,
      )}.`,
    );
  });

  it('fails a team without adopters after more than 90 days', () => {
    const { report } = history(platform([], ['a', 'b']), [daysBefore(91), NOW]);
    const check = notTooEarly(report, 'platform');
    expect(check.status).toBe('fail');
    expect(check.message).toContain('Premature centralization');
    expect(check.message).toContain(
      `centralized since ${daysBefore(91)
        .toISOString()
        .slice(
          0,
          10,
        )} (91 days, more than 90) and none of its 1 product has an adopter`,
    );
    expect(check.message).toContain(
      'A centralized team pays off once a concern is evident in several feature teams',
    );
    expect(check.remediation).toContain('Centralize a concern only when');
    expect(check.entities).toEqual(['component:default/scheduler']);
  });

  it('does not fail for missing adopters within the first 90 days', () => {
    const { report } = history(platform([], ['a', 'b']), [daysBefore(90), NOW]);
    expect(notTooEarly(report, 'platform').status).toBe('pass');
  });

  it('follows thresholds.prematureCentralizationDays', () => {
    const config = cloneConfig(defaultTeamInsightsConfig);
    config.thresholds.prematureCentralizationDays = 30;
    const { timeline } = history(platform([], ['a', 'b']), [daysBefore(31)]);
    const report = evaluate(withRelations(platform([], ['a', 'b'])), {
      now: NOW,
      timeline,
      config,
    });
    expect(notTooEarly(report, 'platform').status).toBe('fail');
  });

  it('fails a team created while fewer than two feature teams built its concern', () => {
    const report = evaluate(withRelations(platform(['a'])), {
      now: NOW,
      timeline: emptyTimeline(),
    });
    const check = notTooEarly(report, 'platform');
    expect(check.status).toBe('fail');
    expect(check.message).toContain(
      `when it was first seen centralized (${NOW.toISOString().slice(
        0,
        10,
      )}), only 1 feature team built on its concerns, and that has not changed`,
    );
  });

  it('keeps the demand of the day the team was first seen', () => {
    // created with one adopter, a second came later: the concern is evident now
    const { timeline } = history(platform(['a']), [daysBefore(40)]);
    expect(timeline.centralizedTeams['group:default/platform']).toMatchObject({
      featureTeams: 1,
      hadAdopters: true,
    });
    const later = evaluate(withRelations(platform(['a', 'b'])), {
      now: NOW,
      timeline: advanceTimeline(
        timeline,
        evaluate(withRelations(platform(['a', 'b'])), {
          now: daysBefore(10),
          timeline,
        }),
        daysBefore(10),
      ),
    });
    expect(notTooEarly(later, 'platform').status).toBe('pass');
  });

  it('counts as a failing adoption check in the score', () => {
    const entities = withRelations(platform([], ['a', 'b']));
    const { timeline } = history(platform([], ['a', 'b']), [daysBefore(200)]);
    const before = evaluate(entities, { now: NOW });
    const after = evaluate(entities, { now: NOW, timeline });
    expect(notTooEarly(after, 'platform').weight).toBe(2);
    expect(teamOf(after, 'platform').scorecards.adoption.score).toBeLessThan(
      teamOf(before, 'platform').scorecards.adoption.score!,
    );
  });
});

describe('advanceTimeline', () => {
  it('keeps first-seen times and records first adopters', () => {
    const entities = withRelations([
      group('platform', { teamType: 'centralized' }),
      component('scheduler', { owner: 'platform' }),
      group('a', { teamType: 'feature' }),
      component('a-app', { owner: 'a', dependsOn: ['component:scheduler'] }),
    ]);
    const first = advanceTimeline(
      emptyTimeline(),
      evaluate(entities, { now: daysBefore(10) }),
      daysBefore(10),
    );
    const second = advanceTimeline(
      first,
      evaluate(entities, { now: NOW }),
      NOW,
    );
    expect(second).toEqual({
      concerns: {},
      centralizedTeams: {
        'group:default/platform': {
          since: daysBefore(10).toISOString(),
          featureTeams: 1,
          hadAdopters: true,
        },
      },
      products: {
        'component:default/scheduler': {
          firstAdopterAt: daysBefore(10).toISOString(),
        },
      },
    });
  });

  it('forgets a team that is no longer centralized', () => {
    const centralized = [
      group('platform', { teamType: 'centralized' }),
      component('scheduler', { owner: 'platform' }),
    ];
    const first = advanceTimeline(
      emptyTimeline(),
      evaluate(withRelations(centralized), { now: daysBefore(10) }),
      daysBefore(10),
    );
    const second = advanceTimeline(
      first,
      evaluate(
        withRelations([
          group('platform', { teamType: 'feature' }),
          component('scheduler', { owner: 'platform' }),
        ]),
        { now: NOW },
      ),
      NOW,
    );
    expect(second.centralizedTeams).toEqual({});
  });
});
