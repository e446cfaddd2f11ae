import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { permissionsRegistryServiceFactory } from '@backstage/backend-defaults/permissionsRegistry';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  isResourcePermission,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import catalogModuleTeamInsights from '@team-insights/plugin-catalog-backend-module-team-insights';
import {
  checkCatalogue,
  TEAM_SORT_KEYS,
} from '@team-insights/plugin-team-insights-common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { stringify } from 'yaml';
import {
  documentedOperations,
  expectValidResponse,
} from './__testUtils__/openapi';
import { teamInsightsPlugin } from './plugin';

// A whole backend with the real catalog: it ingests a file and builds the
// relations itself before the first report.
jest.setTimeout(180_000);

/*
 * What a caller may see, checked against the REAL catalog backend (SQLite in
 * memory), the real permission backend and a conditional permission policy:
 * the catalog itself decides which entities each user may read, and Team
 * Insights must never name, on any route, action or badge, an entity the
 * catalog would not show that user.
 */

const base = '/api/team-insights/v1';
const actionsBase = '/api/team-insights/.backstage/actions/v1/actions';
const CONFIDENTIAL = 'example.com/confidential';

/** The callers, each with different rights. */
const USERS = {
  /** Reads everything. */
  admin: 'user:default/admin',
  /** Reads everything but entities labelled confidential (a resource rule). */
  alice: 'user:default/alice',
  /** Reads what her team owns (IS_ENTITY_OWNER), and every Group and User. */
  carol: 'user:default/carol',
  /** Reads Components, APIs and Systems only: no team, no person. */
  erin: 'user:default/erin',
  /** Denied everything, Team Insights included. */
  dave: 'user:default/dave',
} as const;
type UserName = keyof typeof USERS;

/** Groups each user belongs to: their ownership claims. */
const MEMBERSHIP: Record<string, string[]> = {
  [USERS.alice]: ['group:default/basalt-team'],
  [USERS.carol]: ['group:default/granite-team'],
};

/**
 * The permission policy, as a portal would configure it: reading the
 * catalog is conditional for most users, and the catalog applies the
 * conditions in its own queries.
 */
class TestPolicy implements PermissionPolicy {
  async handle(
    query: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const userRef = user?.info.userEntityRef;
    if (userRef === USERS.dave) {
      return { result: AuthorizeResult.DENY };
    }
    if (
      query.permission.name !== 'catalog.entity.read' ||
      !isResourcePermission(query.permission, 'catalog-entity') ||
      userRef === undefined ||
      userRef === USERS.admin
    ) {
      return { result: AuthorizeResult.ALLOW };
    }
    switch (userRef) {
      case USERS.alice:
        return createCatalogConditionalDecision(query.permission, {
          not: catalogConditions.hasLabel({ label: CONFIDENTIAL }),
        });
      case USERS.carol:
        return createCatalogConditionalDecision(query.permission, {
          anyOf: [
            catalogConditions.isEntityOwner({
              claims: user!.info.ownershipEntityRefs,
            }),
            catalogConditions.isEntityKind({ kinds: ['Group', 'User'] }),
          ],
        });
      case USERS.erin:
        return createCatalogConditionalDecision(query.permission, {
          anyOf: [
            catalogConditions.isEntityKind({
              kinds: ['Component', 'API', 'System'],
            }),
          ],
        });
      default:
        return { result: AuthorizeResult.DENY };
    }
  }
}

/**
 * The permissions service, deciding with {@link TestPolicy} in-process
 * the way the permission backend would: service callers are allowed, user
 * callers are asked about with their ownership claims. (The permission
 * backend itself cannot be used with the test backend's mock tokens: they
 * do not carry the actor it requires of conditional requests.) Conditional
 * decisions go back to the catalog, which applies them in its queries.
 */
const policyPermissions = createServiceFactory({
  service: coreServices.permissions,
  deps: { auth: coreServices.auth, userInfo: coreServices.userInfo },
  async factory({ auth, userInfo }) {
    const policy = new TestPolicy();
    const decide = async (
      permission: Permission,
      credentials: BackstageCredentials,
    ): Promise<PolicyDecision> => {
      if (auth.isPrincipal(credentials, 'service')) {
        return { result: AuthorizeResult.ALLOW };
      }
      if (!auth.isPrincipal(credentials, 'user')) {
        return { result: AuthorizeResult.DENY };
      }
      const info = await userInfo.getUserInfo(credentials);
      return policy.handle(
        { permission } as PolicyQuery,
        {
          identity: {
            type: 'user',
            userEntityRef: info.userEntityRef,
            ownershipEntityRefs: info.ownershipEntityRefs,
          },
          credentials,
          info,
          token: '',
        } as PolicyQueryUser,
      );
    };
    const service: PermissionsService = {
      async authorizeConditional(requests, { credentials }) {
        return Promise.all(
          requests.map(r => decide(r.permission, credentials)),
        ) as any;
      },
      async authorize(requests, { credentials }) {
        return Promise.all(
          requests.map(async r => {
            const decision = await decide(r.permission, credentials);
            if (decision.result === AuthorizeResult.CONDITIONAL) {
              throw new Error(
                `${r.permission.name} was asked with authorize(); this test applies conditions only where the catalog queries with them`,
              );
            }
            return decision;
          }),
        ) as any;
      },
    };
    return service;
  },
});

/** A waiver date a month from now: inside the 365 days a waiver may last. */
function inAMonth(): string {
  return new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A small organisation as catalog YAML. Every name is a word that occurs in
 * no message Team Insights writes, so finding it in a response means the
 * entity was named.
 */
function organisation(): object[] {
  const confidential = { [CONFIDENTIAL]: 'true' };
  const group = (
    name: string,
    title: string,
    type: string,
    annotations: Record<string, string> = {},
    extra: { parent?: string; labels?: Record<string, string> } = {},
  ) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, title, annotations, labels: extra.labels ?? {} },
    spec: {
      type,
      children: [],
      ...(extra.parent ? { parent: extra.parent } : {}),
    },
  });
  const user = (
    name: string,
    team: string,
    skills: string,
    labels: Record<string, string> = {},
  ) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: {
      name,
      labels,
      annotations: { 'team-insights.io/skills': skills },
    },
    spec: { memberOf: [team] },
  });
  const component = (
    name: string,
    owner: string,
    options: {
      annotations?: Record<string, string>;
      labels?: Record<string, string>;
      dependsOn?: string[];
      providesApis?: string[];
      system?: string;
    } = {},
  ) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      description: `The ${name} service, described at some length for its readers.`,
      annotations: options.annotations ?? {},
      labels: options.labels ?? {},
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner,
      ...(options.dependsOn ? { dependsOn: options.dependsOn } : {}),
      ...(options.providesApis ? { providesApis: options.providesApis } : {}),
      ...(options.system ? { system: options.system } : {}),
    },
  });
  return [
    group('quartz-unit', 'Quartz Unit', 'business-unit'),
    group(
      'basalt-team',
      'Basalt Team',
      'team',
      {
        'team-insights.io/team-type': 'feature',
        // a reason that names an entity some readers may not see
        'team-insights.io/declined-products':
          'component:default/granite-guard: obsidian-svc guards us already',
      },
      { parent: 'quartz-unit' },
    ),
    group(
      'obsidian-team',
      'Obsidian Team',
      'team',
      {
        'team-insights.io/team-type': 'feature',
        'team-insights.io/skills': 'data-scientist=2, data-engineer=1',
        'team-insights.io/waivers': `composition.cross-functional until ${inAMonth()}: obsidian-team hires in spring`,
        // a hidden team's decline, and a reason that names it
        'team-insights.io/declined-products':
          'granite-store: obsidian-team keeps its own features',
      },
      { parent: 'quartz-unit', labels: confidential },
    ),
    group(
      'granite-team',
      'Granite Team',
      'team',
      { 'team-insights.io/team-type': 'centralized' },
      { parent: 'quartz-unit' },
    ),
    user('alice', 'basalt-team', 'data-scientist, analytics-translator'),
    user('bob', 'basalt-team', 'data-sceintist'),
    // Misspelt skills make findings that name carol and olga.
    user('carol', 'granite-team', 'data-engineer, dat-engineer'),
    user('olga', 'obsidian-team', 'data-sceintist', confidential),
    component('basalt-api', 'basalt-team', {
      dependsOn: ['component:default/granite-store'],
    }),
    component('obsidian-svc', 'obsidian-team', {
      labels: confidential,
      dependsOn: [
        'component:default/granite-store',
        'component:default/granite-guard',
      ],
      providesApis: ['obsidian-events'],
      system: 'obsidian-system',
    }),
    component('obsidian-monitor', 'obsidian-team', {
      labels: confidential,
      annotations: { 'team-insights.io/concern': 'monitoring' },
    }),
    component('granite-store', 'granite-team', {
      annotations: {
        'team-insights.io/concern': 'feature-store',
        'team-insights.io/mandatory': 'true',
        'backstage.io/techdocs-ref': 'dir:.',
      },
    }),
    component('granite-guard', 'granite-team', {
      annotations: { 'team-insights.io/concern': 'guardrails' },
    }),
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: {
        name: 'obsidian-events',
        description: 'Events of the obsidian-svc, for whoever listens.',
        labels: confidential,
      },
      spec: {
        type: 'asyncapi',
        lifecycle: 'production',
        owner: 'obsidian-team',
        system: 'obsidian-system',
        definition: 'asyncapi: 2.6.0',
      },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: 'obsidian-system', labels: confidential },
      spec: { owner: 'obsidian-team' },
    },
  ];
}

/** What each user must not see (besides the catalog's Location entities). */
const HIDDEN: Record<UserName, string[]> = {
  admin: [],
  alice: [
    'api:default/obsidian-events',
    'component:default/obsidian-monitor',
    'component:default/obsidian-svc',
    'group:default/obsidian-team',
    'system:default/obsidian-system',
    'user:default/olga',
  ],
  carol: [
    'api:default/obsidian-events',
    'component:default/basalt-api',
    'component:default/obsidian-monitor',
    'component:default/obsidian-svc',
    'system:default/obsidian-system',
  ],
  erin: [
    'group:default/basalt-team',
    'group:default/granite-team',
    'group:default/obsidian-team',
    'group:default/quartz-unit',
    'user:default/alice',
    'user:default/bob',
    'user:default/carol',
    'user:default/olga',
  ],
  dave: [
    'api:default/obsidian-events',
    'component:default/basalt-api',
    'component:default/granite-guard',
    'component:default/granite-store',
    'component:default/obsidian-monitor',
    'component:default/obsidian-svc',
    'group:default/basalt-team',
    'group:default/granite-team',
    'group:default/obsidian-team',
    'group:default/quartz-unit',
    'system:default/obsidian-system',
    'user:default/alice',
    'user:default/bob',
    'user:default/carol',
    'user:default/olga',
  ],
};

interface CatalogEntity {
  kind: string;
  metadata: { namespace?: string; name: string; title?: string };
  relations?: Array<{ type: string; targetRef: string }>;
}

function refOf(entity: CatalogEntity): string {
  return `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
    entity.metadata.name
  }`.toLocaleLowerCase('en-US');
}

/** A response's body as text: JSON, an error, or a badge's SVG. */
function textOf(res: request.Response): string {
  if (typeof res.text === 'string') return res.text;
  if (Buffer.isBuffer(res.body)) return res.body.toString('utf8');
  return JSON.stringify(res.body);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One request and what it answered. */
interface Exchange {
  label: string;
  status: number;
  text: string;
}

/** An entity a caller may not read, and the words that would name it. */
interface Secret {
  ref: string;
  patterns: RegExp[];
}

describe('visibility against the real catalog', () => {
  let backend: TestBackend;
  let tmpDir: string;
  /** Every entity of the catalog, as the catalog shows the admin. */
  let everything: CatalogEntity[];
  const exercisedOperations = new Set<string>();
  const exercisedActions = new Set<string>();
  /** Refs each user's responses named; the admin's show what could leak. */
  const named = new Map<UserName, Set<string>>();
  const leaks: string[] = [];

  const server = () => backend.server;
  const as = (user: UserName) => mockCredentials.user.header(USERS[user]);

  /** The refs of every entity the catalog lets `user` read. */
  async function readableBy(user: UserName): Promise<CatalogEntity[]> {
    const res = await request(server())
      .get(
        '/api/catalog/entities/by-query?fields=kind,metadata,relations&limit=500',
      )
      .set('Authorization', as(user));
    if (res.status === 403) return [];
    if (res.status !== 200 || !Array.isArray(res.body.items)) {
      throw new Error(
        `the catalog answered ${res.status} to ${user}: ${res.text.slice(
          0,
          500,
        )}`,
      );
    }
    return res.body.items;
  }

  beforeAll(async () => {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ti-visibility-'));
    const file = path.join(tmpDir, 'catalog-info.yaml');
    fs.writeFileSync(
      file,
      organisation()
        .map(entity => stringify(entity))
        .join('---\n'),
    );

    backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleTeamInsights,
        teamInsightsPlugin,
        policyPermissions,
        permissionsRegistryServiceFactory,
        mockServices.userInfo.mock({
          async getUserInfo(credentials) {
            const user = (credentials.principal as { userEntityRef: string })
              .userEntityRef;
            return {
              userEntityRef: user,
              ownershipEntityRefs: [user, ...(MEMBERSHIP[user] ?? [])],
            };
          },
        }).factory,
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            catalog: {
              processingInterval: { seconds: 1 },
              rules: [
                {
                  allow: [
                    'Component',
                    'System',
                    'API',
                    'Location',
                    'Group',
                    'User',
                  ],
                },
              ],
              locations: [{ type: 'file', target: file }],
            },
            teamInsights: { refresh: { warmUp: { seconds: 0 } } },
          },
        }),
      ],
    });

    // Wait until the catalog holds every entity with the relations it
    // builds from their specs (condition polling, generous deadline).
    const expected = organisation().length;
    const deadline = Date.now() + 150_000;
    for (;;) {
      const entities = (await readableBy('admin')).filter(
        e => e.kind !== 'Location',
      );
      const has = (ref: string, type: string, target: string) =>
        entities
          .find(e => refOf(e) === ref)
          ?.relations?.some(r => r.type === type && r.targetRef === target);
      if (
        entities.length === expected &&
        has('group:default/basalt-team', 'hasMember', 'user:default/bob') &&
        has(
          'group:default/quartz-unit',
          'parentOf',
          'group:default/obsidian-team',
        ) &&
        has(
          'component:default/granite-store',
          'dependencyOf',
          'component:default/obsidian-svc',
        ) &&
        has(
          'component:default/obsidian-svc',
          'ownedBy',
          'group:default/obsidian-team',
        ) &&
        has(
          'group:default/granite-team',
          'ownerOf',
          'component:default/granite-guard',
        )
      ) {
        break;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `the catalog did not ingest the test organisation: ${entities
            .map(refOf)
            .join(', ')}`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 250));
    }

    // Then refresh Team Insights until its report has the whole
    // organisation (the refresh reads the catalog with its own credentials).
    const reportDeadline = Date.now() + 60_000;
    for (;;) {
      await request(server())
        .post(`${base}/refresh`)
        .set('Authorization', as('admin'))
        .expect(202);
      const report = await request(server())
        .get(`${base}/report`)
        .set('Authorization', as('admin'));
      const store = report.body.products?.find(
        (p: { entityRef: string }) =>
          p.entityRef === 'component:default/granite-store',
      );
      const basalt = report.body.teams?.find(
        (t: { entityRef: string }) =>
          t.entityRef === 'group:default/basalt-team',
      );
      if (
        report.body.teams?.length === 3 &&
        basalt?.members === 2 &&
        store?.adopters?.length === 2
      ) {
        break;
      }
      if (Date.now() > reportDeadline) {
        throw new Error(
          `Team Insights never reported the whole organisation: ${report.text}`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 250));
    }
    everything = (await readableBy('admin')).filter(e => e.kind !== 'Location');
  });

  afterAll(async () => {
    await backend?.stop();
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  });

  it('has a catalog that hides from each user what the policy says', async () => {
    for (const user of Object.keys(USERS) as UserName[]) {
      const readable = new Set((await readableBy(user)).map(refOf));
      const hidden = everything.map(refOf).filter(ref => !readable.has(ref));
      expect({ user, hidden: hidden.sort() }).toEqual({
        user,
        hidden: HIDDEN[user],
      });
    }
  });

  /** The words that would name `entity` in a response. */
  function secretOf(entity: CatalogEntity): Secret {
    const ref = refOf(entity);
    const word = (text: string) =>
      new RegExp(`(?<![A-Za-z0-9_-])${escape(text)}(?![A-Za-z0-9_-])`, 'i');
    return {
      ref,
      patterns: [
        word(ref),
        word(entity.metadata.name),
        ...(entity.metadata.title ? [word(entity.metadata.title)] : []),
      ],
    };
  }

  /**
   * Runs every route, action and badge as `user`, and records each response
   * naming an entity `user` may not read.
   */
  async function exerciseEverything(user: UserName) {
    const hiddenRefs = new Set(HIDDEN[user]);
    const secrets = everything
      .filter(e => hiddenRefs.has(refOf(e)))
      .map(secretOf);
    const allRefs = everything.map(refOf);
    const seen = new Set<string>();
    named.set(user, seen);
    const authorization = as(user);

    const check = (exchange: Exchange, text = exchange.text) => {
      for (const ref of allRefs) {
        if (text.toLocaleLowerCase('en-US').includes(ref)) seen.add(ref);
      }
      for (const secret of secrets) {
        if (secret.patterns.some(p => p.test(text))) {
          leaks.push(`${user} ${exchange.label}: ${secret.ref}`);
        }
      }
    };

    const get = async (
      urlPath: string,
      accept = 'application/json',
    ): Promise<Exchange> => {
      const res = await request(server())
        .get(`${base}${urlPath}`)
        .set('Authorization', authorization)
        .set('Accept', accept);
      exercisedOperations.add(expectValidResponse(res));
      return { label: `GET ${urlPath}`, status: res.status, text: textOf(res) };
    };
    const invoke = async (name: string, input: object): Promise<Exchange> => {
      exercisedActions.add(`team-insights:${name}`);
      const res = await request(server())
        .post(`${actionsBase}/team-insights:${name}/invoke`)
        .set('Authorization', authorization)
        .send(input);
      return {
        label: `action ${name} ${JSON.stringify(input)}`,
        status: res.status,
        text: textOf(res),
      };
    };

    /**
     * A request that names an entity: when `user` may not read it, the
     * answer must be the one for an entity that does not exist (with the
     * name it was asked about in its place), and must name nothing else.
     */
    const aboutEntity = async (
      entity: CatalogEntity,
      ask: (kind: string, name: string) => Promise<Exchange>,
    ) => {
      const ref = refOf(entity);
      const { kind } = entity;
      const { name } = entity.metadata;
      const answer = await ask(kind, name);
      if (!hiddenRefs.has(ref)) {
        check(answer);
        return;
      }
      const ghost = `ghost-${name}`;
      const unknown = await ask(kind, ghost);
      const scrub = (text: string, asked: string) =>
        text
          .split(`${kind.toLocaleLowerCase('en-US')}:default/${asked}`)
          .join('<ref>')
          .split(`${kind}:default/${asked}`)
          .join('<ref>')
          .split(asked)
          .join('<name>');
      const scrubbed = scrub(answer.text, name);
      if (
        answer.status !== unknown.status ||
        scrubbed !== scrub(unknown.text, ghost)
      ) {
        leaks.push(
          `${user} ${
            answer.label
          }: answers differently from an entity that does not exist (${
            answer.status
          } ${answer.text.slice(0, 200)})`,
        );
      }
      check(answer, scrubbed);
    };

    // The REST API
    for (const urlPath of [
      '/report',
      '/trends',
      '/trends?scorecard=documentation&days=30',
      '/movers',
      '/movers?days=365&scorecard=composition',
      '/products',
      '/concerns',
      '/skill-clusters',
      '/skills',
      '/adoption',
      '/checks',
      '/org-units',
      '/my-teams',
      '/planner/config',
      '/staffing',
      '/initiatives',
      '/initiatives/no-such-initiative',
    ]) {
      check(await get(urlPath));
    }
    for (const sort of TEAM_SORT_KEYS) {
      for (const order of ['asc', 'desc']) {
        // every page, one team at a time
        let cursor: string | undefined;
        let pages = 0;
        do {
          const exchange = await get(
            `/teams?sort=${sort}&order=${order}&limit=1${
              cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
            }`,
          );
          check(exchange);
          cursor =
            exchange.status === 200
              ? JSON.parse(exchange.text).nextCursor
              : undefined;
          pages += 1;
        } while (cursor && pages < 20);
      }
    }
    // drill-downs by check, as JSON and as CSV (every page), and the CSV
    // of the whole teams table
    check(await get('/teams', 'text/csv'));
    for (const { id } of checkCatalogue()) {
      check(await get(`/teams?check=${id}&limit=500`));
      for (const status of ['fail', 'warn', 'waived']) {
        check(await get(`/teams?check=${id}&status=${status}`, 'text/csv'));
      }
    }
    for (const level of ['gold', 'silver', 'bronze', 'none']) {
      check(await get(`/teams?composition=${level}`));
      check(await get(`/teams?adoption=${level}`));
      check(await get(`/teams?documentation=${level}`));
    }
    for (const entity of everything) {
      await aboutEntity(entity, (_kind, name) =>
        get(`/teams?q=${encodeURIComponent(name)}`),
      );
      if (entity.kind === 'Group') {
        await aboutEntity(entity, (kind, name) =>
          get(`/teams?orgUnit=${kind.toLowerCase()}:default/${name}`),
        );
        await aboutEntity(entity, (kind, name) =>
          get(`/staffing?team=${kind.toLowerCase()}:default/${name}`),
        );
        await aboutEntity(entity, (kind, name) =>
          get(`/trends?days=30&orgUnit=${kind.toLowerCase()}:default/${name}`),
        );
        await aboutEntity(entity, (_kind, name) =>
          get(`/teams/default/${name}/details`),
        );
      }
      await aboutEntity(entity, (kind, name) =>
        get(`/entities/${kind}/default/${name}`),
      );
      await aboutEntity(entity, (kind, name) =>
        get(`/entities/${kind}/default/${name}/history?days=30`),
      );
      for (const file of [
        'composition.svg',
        'adoption.svg',
        'documentation.svg',
      ]) {
        await aboutEntity(entity, (kind, name) =>
          get(`/badges/${kind}/default/${name}/${file}`),
        );
      }
    }
    const refresh = await request(server())
      .post(`${base}/refresh`)
      .set('Authorization', authorization);
    exercisedOperations.add(expectValidResponse(refresh));
    check({
      label: 'POST /refresh',
      status: refresh.status,
      text: textOf(refresh),
    });

    // The actions (what the MCP server offers)
    const listed = await request(server())
      .get(actionsBase)
      .set('Authorization', authorization);
    check({
      label: 'GET actions',
      status: listed.status,
      text: textOf(listed),
    });
    check(await invoke('list-teams', {}));
    check(await invoke('list-teams', { sort: 'size', order: 'desc' }));
    check(await invoke('suggest-staffing', {}));
    check(await invoke('get-initiative-progress', {}));
    const checks = checkCatalogue();
    for (const { id } of checks) {
      check(await invoke('explain-check', { checkId: id }));
    }
    for (const entity of everything) {
      const ref = (kind: string, name: string) =>
        `${kind.toLowerCase()}:default/${name}`;
      await aboutEntity(entity, (kind, name) =>
        invoke('get-team-scorecards', { entityRef: ref(kind, name) }),
      );
      await aboutEntity(entity, (kind, name) =>
        invoke('get-adoption', { entityRef: ref(kind, name) }),
      );
      await aboutEntity(entity, (kind, name) =>
        invoke('list-teams', { orgUnit: ref(kind, name) }),
      );
      if (entity.kind === 'Group') {
        await aboutEntity(entity, (kind, name) =>
          invoke('suggest-staffing', { team: ref(kind, name) }),
        );
      }
      for (const { id } of checks) {
        await aboutEntity(entity, (kind, name) =>
          invoke('explain-check', { checkId: id, entityRef: ref(kind, name) }),
        );
      }
    }
  }

  it('names decliners and their reasons over REST only to those who may see them', async () => {
    const adoption = async (user: UserName) => {
      const res = await request(server())
        .get(`${base}/adoption`)
        .set('Authorization', as(user))
        .expect(200);
      expectValidResponse(res);
      const declined = (ref: string) =>
        (
          res.body.products as Array<{
            entityRef: string;
            declined: Array<{
              teamRef: string;
              title: string;
              reason?: string;
            }>;
          }>
        ).find(p => p.entityRef === ref)?.declined;
      return {
        guard: declined('component:default/granite-guard'),
        store: declined('component:default/granite-store'),
      };
    };
    expect(await adoption('admin')).toEqual({
      guard: [
        {
          teamRef: 'group:default/basalt-team',
          title: 'Basalt Team',
          reason: 'obsidian-svc guards us already',
        },
      ],
      store: [
        {
          teamRef: 'group:default/obsidian-team',
          title: 'Obsidian Team',
          reason: 'obsidian-team keeps its own features',
        },
      ],
    });
    // alice may not see the obsidian team: it is not named as a decliner,
    // and the reason of the team she sees does not name its service
    expect(await adoption('alice')).toEqual({
      guard: [
        {
          teamRef: 'group:default/basalt-team',
          title: 'Basalt Team',
          reason:
            'The reason names entities you cannot see in the catalog, so it is hidden.',
        },
      ],
      store: [],
    });
  });

  it.each(Object.keys(USERS) as UserName[])(
    'names nothing %s may not read, on any route, action or badge',
    async user => {
      await exerciseEverything(user);
      const mine = leaks.filter(leak => leak.startsWith(`${user} `));
      expect(mine).toEqual([]);
    },
  );

  it('would have seen a leak: the admin is shown every entity the others may not read', () => {
    const adminSaw = named.get('admin')!;
    const hiddenFromSomeone = new Set(
      Object.values(HIDDEN).flatMap(refs => refs),
    );
    expect([...hiddenFromSomeone].filter(ref => !adminSaw.has(ref))).toEqual(
      [],
    );
  });

  it('counted 0 leaked refs, over every documented route and every action', async () => {
    expect(leaks.length).toBe(0);
    expect([...exercisedOperations].sort()).toEqual(
      documentedOperations().sort(),
    );
    const listed = await request(server())
      .get(actionsBase)
      .set('Authorization', as('admin'));
    expect(
      (listed.body.actions as Array<{ id: string }>).map(a => a.id).sort(),
    ).toEqual([...exercisedActions].sort());
  });
});
