import {
  evaluate,
  Finding,
  Report,
} from '@team-insights/plugin-team-insights-common';
import { createOrg } from '../../__testUtils__/org';
import { waiverNudges } from './waivers';

const now = new Date('2026-12-06T08:00:00.000Z');
const options = {
  noticeDays: 14,
  checkTitles: new Map([['composition.team-size', 'Team size']]),
};

function reportWith(findings: Finding[]): Report {
  return { ...evaluate(createOrg(), { now }), findings };
}

describe('waiverNudges', () => {
  it('announces an ended waiver from the finding code and its params, whatever the message says', () => {
    const nudges = waiverNudges(
      reportWith([
        {
          severity: 'warning',
          code: 'waiver.expired',
          entityRef: 'group:default/search',
          annotation: 'team-insights.io/waivers',
          message: 'Die Ausnahme für die Teamgröße ist abgelaufen.',
          params: { checkId: 'composition.team-size', until: '2026-12-05' },
        },
      ]),
      now,
      options,
    );
    expect(nudges).toEqual([
      expect.objectContaining({
        kind: 'waiver-expired',
        subjectRef: 'group:default/search',
        detail: 'composition.team-size until 2026-12-05',
        recipientRef: 'group:default/search',
        payload: expect.objectContaining({
          title: 'search: the waiver for Team size ended on 2026-12-05',
        }),
      }),
    ]);
  });

  it('does not take a finding of another code for an ended waiver, even when its message reads like one', () => {
    const nudges = waiverNudges(
      reportWith([
        {
          severity: 'warning',
          code: 'waiver.duplicate',
          entityRef: 'group:default/search',
          annotation: 'team-insights.io/waivers',
          message:
            "waiver for 'composition.team-size' expired on 2026-12-05; the check counts as usual again",
          params: { checkId: 'composition.team-size' },
        },
        // stored before findings had codes
        {
          severity: 'warning',
          entityRef: 'group:default/search',
          annotation: 'team-insights.io/waivers',
          message:
            "waiver for 'composition.team-size' expired on 2026-12-05; the check counts as usual again",
        } as Finding,
      ]),
      now,
      options,
    );
    expect(nudges.filter(n => n.kind === 'waiver-expired')).toEqual([]);
  });
});
