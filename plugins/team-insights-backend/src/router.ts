import type {
  BackstageCredentials,
  HttpAuthService,
  SchedulerService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  initiativeTeamsCsv,
  RefreshResponse,
  teamInsightsScorecardsRefreshPermission,
  TeamsQuery,
} from '@team-insights/plugin-team-insights-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod/v4';
import {
  badgeFileSchema,
  emptyQuerySchema,
  entityParamsSchema,
  historyQuerySchema,
  initiativeParamsSchema,
  initiativesQuerySchema,
  moversQuerySchema,
  myTeamsQuerySchema,
  staffingQuerySchema,
  teamParamsSchema,
  teamsQuerySchema,
  trendsQuerySchema,
} from './schema/queries';
import { BadgeMessage, renderBadge } from './service/badges';
import { ReportService } from './service/ReportService';
import { retryAfterSecondsOf } from './service/retryLater';
import { ScorecardQueries } from './service/ScorecardQueries';
import type { InitiativeQueries } from './service/initiatives/InitiativeQueries';
import { PlannerService } from './service/PlannerService';

/** Id of the scheduled refresh task. */
export const REFRESH_TASK_ID = 'team-insights-refresh';

/** The badge route; the only one that may be opened to anonymous readers. */
export const BADGE_ROUTE = '/v1/badges/:kind/:namespace/:name/:file';

/** How long browsers and proxies may keep a badge, in seconds. */
const BADGE_MAX_AGE = 300;

/** A Group ref as the report writes it; a bare name is a Group's. */
function normalizeGroupRef(input: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(input, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    ).toLowerCase();
  } catch {
    throw new InputError(
      `Invalid query: '${input}' is not an entity ref, e.g. group:default/search-ranking`,
    );
  }
}

/** Whether the caller asked for CSV (`Accept: text/csv`) rather than JSON. */
function wantsCsv(req: Request): boolean {
  return req.accepts(['application/json', 'text/csv']) === 'text/csv';
}

/** Sends a CSV export as a download named `filename`. */
function sendCsv(res: express.Response, filename: string, body: string) {
  res
    .status(200)
    .set({
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'X-Content-Type-Options': 'nosniff',
    })
    .send(body);
}

function parse<T extends z.ZodTypeAny>(
  schema: T,
  input: unknown,
  what: string,
): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const details = result.error.issues
      .map(issue =>
        issue.path.length
          ? `${issue.path.join('.')}: ${issue.message}`
          : issue.message,
      )
      .join('; ');
    throw new InputError(`Invalid ${what}: ${details}`);
  }
  return result.data;
}

/** What the router needs. */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  scheduler: SchedulerService;
  reports: ReportService;
  queries: ScorecardQueries;
  planner: PlannerService;
  /** Whether anonymous readers may fetch badges (`teamInsights.badges.public`). */
  publicBadges?: boolean;
  /** The configured initiatives (`teamInsights.initiatives`). */
  initiatives?: InitiativeQueries;
  /** Who a signed-in caller is, for `GET /my-teams`. */
  userInfo?: UserInfoService;
}

/**
 * The REST API under `/api/team-insights/v1`. It only translates HTTP:
 * validation and credentials; the answers come from ScorecardQueries.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, scheduler, reports, queries, planner } = options;

  function credentialsOf(req: Request): Promise<BackstageCredentials> {
    return httpAuth.credentials(req, { allow: ['user', 'service'] });
  }

  function entityRefOf(params: unknown) {
    const { kind, namespace, name } = parse(
      entityParamsSchema,
      params,
      'entity reference',
    );
    return `${kind}:${namespace}/${name}`.toLowerCase();
  }

  const router = Router();
  router.use(express.json());

  router.get('/v1/report', async (req, res) => {
    parse(emptyQuerySchema, req.query, 'query');
    const { body, etag } = await queries.reportJson(await credentialsOf(req));
    if (etag) {
      // Set here, Express does not hash the whole report on every request.
      res.set('ETag', etag);
    }
    res.type('application/json').send(body);
  });

  router.get('/v1/skills', async (req, res) => {
    parse(emptyQuerySchema, req.query, 'query');
    res.json(await queries.skills(await credentialsOf(req)));
  });

  router.get('/v1/adoption', async (req, res) => {
    parse(emptyQuerySchema, req.query, 'query');
    res.json(await queries.productAdoption(await credentialsOf(req)));
  });

  router.get('/v1/teams', async (req, res) => {
    const query: TeamsQuery = parse(teamsQuerySchema, req.query, 'query');
    if (wantsCsv(req)) {
      sendCsv(
        res,
        query.check ? `teams-${query.check}.csv` : 'teams.csv',
        await queries.teamsCsv(await credentialsOf(req), query),
      );
      return;
    }
    res
      .type('application/json')
      .send(await queries.teamsJson(await credentialsOf(req), query));
  });

  router.get('/v1/teams/:namespace/:name/details', async (req, res) => {
    const { namespace, name } = parse(
      teamParamsSchema,
      req.params,
      'team reference',
    );
    parse(emptyQuerySchema, req.query, 'query');
    res.json(
      await queries.teamDetails(
        await credentialsOf(req),
        `group:${namespace}/${name}`,
      ),
    );
  });

  router.get('/v1/my-teams', async (req, res) => {
    const query = parse(myTeamsQuerySchema, req.query, 'query');
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    // A service has no teams; a user's are those of their ownership refs.
    const ownershipRefs =
      credentials.principal.type === 'user' && options.userInfo
        ? (await options.userInfo.getUserInfo(credentials)).ownershipEntityRefs
        : [];
    res.json(await queries.myTeams(credentials, ownershipRefs, query));
  });

  router.get('/v1/entities/:kind/:namespace/:name', async (req, res) => {
    const entityRef = entityRefOf(req.params);
    parse(emptyQuerySchema, req.query, 'query');
    res.json(
      await queries.entityScorecards(await credentialsOf(req), entityRef),
    );
  });

  router.get(
    '/v1/entities/:kind/:namespace/:name/history',
    async (req, res) => {
      const entityRef = entityRefOf(req.params);
      const query = parse(historyQuerySchema, req.query, 'query');
      res.json(
        await queries.history(await credentialsOf(req), entityRef, query),
      );
    },
  );

  router.get('/v1/movers', async (req, res) => {
    const query = parse(moversQuerySchema, req.query, 'query');
    res.json(await queries.movers(await credentialsOf(req), query));
  });

  router.get('/v1/trends', async (req, res) => {
    const query = parse(trendsQuerySchema, req.query, 'query');
    res.json(await queries.trends(await credentialsOf(req), query));
  });

  router.get('/v1/products', async (req, res) => {
    parse(emptyQuerySchema, req.query, 'query');
    res.json(await queries.products(await credentialsOf(req)));
  });

  router.get('/v1/concerns', async (req, res) => {
    parse(emptyQuerySchema, req.query, 'query');
    res.json(await queries.concerns(await credentialsOf(req)));
  });

  router.get('/v1/skill-clusters', async (req, res) => {
    parse(emptyQuerySchema, req.query, 'query');
    res.json(await queries.skillClusters(await credentialsOf(req)));
  });

  router.get('/v1/planner/config', async (req, res) => {
    parse(emptyQuerySchema, req.query, 'query');
    res.json(await planner.config(await credentialsOf(req)));
  });

  router.get('/v1/staffing', async (req, res) => {
    const query = parse(staffingQuerySchema, req.query, 'query');
    res.json(
      await planner.staffing(await credentialsOf(req), {
        team: query.team && normalizeGroupRef(query.team),
        orgUnit: query.orgUnit && normalizeGroupRef(query.orgUnit),
        limit: query.limit,
      }),
    );
  });

  router.get(BADGE_ROUTE, async (req, res) => {
    const { file, ...params } = req.params;
    const entityRef = entityRefOf(params);
    const card = parse(badgeFileSchema, file, 'badge');
    parse(emptyQuerySchema, req.query, 'query');
    // Public badges are the same for everyone: credentials are not read.
    const found = options.publicBadges
      ? await queries.publicBadgeLevel(entityRef, card)
      : await queries.badgeLevel(await credentialsOf(req), entityRef, card);
    const message: BadgeMessage = found ? found.level ?? 'n/a' : 'unknown';
    res
      .status(200)
      .set({
        'Content-Type': 'image/svg+xml; charset=utf-8',
        'Cache-Control': `${
          options.publicBadges ? 'public' : 'private'
        }, max-age=${BADGE_MAX_AGE}`,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy':
          "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      })
      .send(
        renderBadge({
          scorecard: card,
          message,
          subject: entityRef,
        }),
      );
  });

  router.post('/v1/refresh', async (req, res) => {
    parse(emptyQuerySchema, req.query, 'query');
    parse(emptyQuerySchema.optional(), req.body, 'body');
    await queries.authorize(
      await credentialsOf(req),
      teamInsightsScorecardsRefreshPermission,
    );
    if (reports.isRefreshing()) {
      throw new ConflictError(
        'A Team Insights refresh is already running; try again when it has finished',
      );
    }
    await scheduler.triggerTask(REFRESH_TASK_ID);
    const body: RefreshResponse = { status: 'started' };
    res.status(202).json(body);
  });

  router.get('/v1/initiatives', async (req, res) => {
    const query = parse(initiativesQuerySchema, req.query, 'query');
    const credentials = await credentialsOf(req);
    res.json(
      options.initiatives
        ? await options.initiatives.list(credentials, query)
        : { items: [] },
    );
  });

  router.get('/v1/initiatives/:id', async (req, res) => {
    const { id } = parse(initiativeParamsSchema, req.params, 'initiative');
    parse(emptyQuerySchema, req.query, 'query');
    if (!options.initiatives) {
      throw new NotFoundError(`There is no initiative '${id}'`);
    }
    const detail = await options.initiatives.get(await credentialsOf(req), id);
    if (wantsCsv(req)) {
      sendCsv(res, `initiative-${id}.csv`, initiativeTeamsCsv(detail));
      return;
    }
    res.json(detail);
  });

  // A 503 that knows when to try again says so; Backstage's error handler
  // answers the error itself.
  router.use(
    (
      error: unknown,
      _req: Request,
      res: express.Response,
      next: express.NextFunction,
    ) => {
      const seconds = retryAfterSecondsOf(error);
      if (seconds !== undefined && !res.headersSent) {
        res.set('Retry-After', String(seconds));
      }
      next(error);
    },
  );

  return router;
}
