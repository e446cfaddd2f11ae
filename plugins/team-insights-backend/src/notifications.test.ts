import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import request from 'supertest';
import { createOrg } from './__testUtils__/org';
import { startPlugin } from './__testUtils__/testBackend';

// Each test starts a whole backend: more than jest's default 5 s on a busy
// machine.
jest.setTimeout(60_000);

const base = '/api/team-insights/v1';

/** A notification service that records what it is asked to send. */
function recordingNotifications() {
  const sent: NotificationSendOptions[] = [];
  const factory = createServiceFactory({
    service: notificationService,
    deps: {},
    factory: () => ({
      async send(notification: NotificationSendOptions) {
        sent.push(notification);
      },
    }),
  });
  return { sent, factory };
}

function day(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

/** The test organisation; the search team's size is waived for five days. */
function orgWithWaiver(): Entity[] {
  const org = createOrg();
  const search = org.find(e => e.metadata.name === 'search')!;
  search.metadata.annotations = {
    ...search.metadata.annotations,
    'team-insights.io/waivers': `composition.team-size until ${day(
      5,
    )}: two people join next week`,
  };
  return org;
}

/** Nobody depends on the platform's product any more. */
function withoutAdopters(entities: Entity[]): Entity[] {
  return entities.map(e => ({
    ...e,
    relations: (e.relations ?? []).filter(
      r => r.type !== 'dependsOn' && r.type !== 'dependencyOf',
    ),
  }));
}

async function refresh(
  server: Awaited<ReturnType<typeof startPlugin>>['server'],
) {
  await request(server)
    .post(`${base}/refresh`)
    .set('Authorization', mockCredentials.user.header())
    .expect(202);
}

describe('notifications from the refresh task', () => {
  it('notifies each event once, from the scheduled refresh, and not again on the next one', async () => {
    const notifications = recordingNotifications();
    const { server, catalog, backend } = await startPlugin({
      entities: orgWithWaiver(),
      features: [notifications.factory],
    });

    // the refresh at start-up: levels are recorded, the waiver announced
    expect(notifications.sent).toEqual([
      {
        recipients: { type: 'entity', entityRef: 'group:default/search' },
        payload: expect.objectContaining({
          title: `search: the waiver for Team size ends on ${day(5)}`,
          link: '/catalog/default/group/search/team-insights',
          topic: 'Waiver ending',
        }),
      },
    ]);

    catalog.setEntities(withoutAdopters(orgWithWaiver()));
    await refresh(server);
    const topics = notifications.sent.slice(1).map(n => n.payload.topic);
    expect(topics.sort()).toEqual([
      'Product without adopters',
      'Scorecard level dropped',
    ]);
    expect(notifications.sent.every(n => n.recipients.type === 'entity')).toBe(
      true,
    );

    const count = notifications.sent.length;
    await refresh(server);
    await refresh(server);
    expect(notifications.sent).toHaveLength(count);

    // reading the API sends nothing
    await request(server).get(`${base}/report`).expect(200);
    expect(notifications.sent).toHaveLength(count);
    await backend.stop();
  });

  it('waits until the catalog has settled after start-up', async () => {
    const notifications = recordingNotifications();
    const { server, backend } = await startPlugin({
      entities: orgWithWaiver(),
      features: [notifications.factory],
      config: { teamInsights: { refresh: { warmUp: { minutes: 5 } } } },
    });
    // the first evaluation after start-up cannot tell whether the catalog
    // is still ingesting
    expect(notifications.sent).toEqual([]);
    // the next one finds as many entities: settled
    await refresh(server);
    expect(notifications.sent.map(n => n.payload.topic)).toEqual([
      'Waiver ending',
    ]);
    await backend.stop();
  });

  it('sends nothing when notifications are switched off', async () => {
    const notifications = recordingNotifications();
    const { server, catalog, backend } = await startPlugin({
      entities: orgWithWaiver(),
      features: [notifications.factory],
      config: { teamInsights: { notifications: { enabled: false } } },
    });
    catalog.setEntities(withoutAdopters(orgWithWaiver()));
    await refresh(server);
    expect(notifications.sent).toEqual([]);
    await backend.stop();
  });
});
