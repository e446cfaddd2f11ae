import type {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  ConcernsResponse,
  EntityScorecardsResponse,
  Finding,
  HistoryResponse,
  ProductsResponse,
  RefreshResponse,
  Report,
  ReportResponse,
  SkillClustersResponse,
  teamInsightsScorecardsReadPermission,
  teamInsightsScorecardsRefreshPermission,
  TeamInsightsConfig,
  TeamsQuery,
  TrendsResponse,
} from '@team-insights/plugin-team-insights-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { createReportFilter, filterReport } from './service/filterReport';
import { ReportService } from './service/ReportService';
import { queryTeams, summarizeTeam } from './service/teams';
import { dayBefore, TeamInsightsStore } from './service/TeamInsightsStore';
import { VisibilityService } from './service/visibility';

/** Id of the scheduled refresh task. */
export const REFRESH_TASK_ID = 'team-insights-refresh';

const level = z.enum(['gold', 'silver', 'bronze', 'none']);
const scorecard = z.enum(['composition', 'adoption', 'documentation']);
const days = z.coerce.number().int().min(1).max(3650).default(90);

const teamsQuerySchema = z
  .object({
    type: z.enum(['feature', 'centralized', 'expertise']).optional(),
    composition: level.optional(),
    adoption: level.optional(),
    documentation: level.optional(),
    orgUnit: z.string().min(1).max(300).optional(),
    q: z.string().max(200).optional(),
    sort: z
      .enum([
        'title',
        'size',
        'type',
        'composition',
        'adoption',
        'documentation',
      ])
      .default('title'),
    order: z.enum(['asc', 'desc']).default('asc'),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().min(1).max(2000).optional(),
  })
  .strict();

const entityParamsSchema = z.object({
  kind: z.string().min(1).max(63),
  namespace: z.string().min(1).max(63),
  name: z.string().min(1).max(253),
});

const historyQuerySchema = z
  .object({ scorecard: scorecard.optional(), days })
  .strict();

const trendsQuerySchema = z
  .object({ scorecard: scorecard.optional(), days })
  .strict();

const emptyQuerySchema = z.object({}).strict();

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

interface ReportIndex {
  teams: Map<string, Report['teams'][number]>;
  orgUnits: Map<string, Report['orgUnits'][number]>;
  entities: Map<string, Report['entities'][number]>;
  products: Map<string, Report['products'][number]>;
  findingsByRef: Map<string, Finding[]>;
}

const indexes = new WeakMap<Report, ReportIndex>();

function indexOf(report: Report): ReportIndex {
  let index = indexes.get(report);
  if (!index) {
    const byRef = <T extends { entityRef: string }>(items: T[]) =>
      new Map(items.map(item => [item.entityRef.toLowerCase(), item]));
    const findingsByRef = new Map<string, Finding[]>();
    for (const finding of report.findings) {
      const key = finding.entityRef.toLowerCase();
      const list = findingsByRef.get(key) ?? [];
      list.push(finding);
      findingsByRef.set(key, list);
    }
    index = {
      teams: byRef(report.teams),
      orgUnits: byRef(report.orgUnits),
      entities: byRef(report.entities),
      products: byRef(report.products),
      findingsByRef,
    };
    indexes.set(report, index);
  }
  return index;
}

/** What the router needs. */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  scheduler: SchedulerService;
  reports: ReportService;
  store: TeamInsightsStore;
  visibility: VisibilityService;
  engineConfig: TeamInsightsConfig;
  now?: () => Date;
}

/**
 * The REST API under `/api/team-insights/v1`. It only translates HTTP:
 * validation, permissions and the caller's view of the report.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, scheduler, reports, store, visibility } =
    options;
  const now = options.now ?? (() => new Date());

  async function authorize(
    req: Request,
    permission: BasicPermission,
  ): Promise<BackstageCredentials> {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You are not allowed to ${
          permission === teamInsightsScorecardsRefreshPermission
            ? 'refresh'
            : 'read'
        } Team Insights scorecards (${permission.name})`,
      );
    }
    return credentials;
  }

  /** The report and the caller's visibility, after the read permission. */
  async function readContext(req: Request) {
    const credentials = await authorize(
      req,
      teamInsightsScorecardsReadPermission,
    );
    const served = await reports.getReport();
    const view = await visibility.forCaller(credentials, served.report);
    return {
      ...served,
      view,
      filter: createReportFilter(view),
      meta: { evaluatedAt: served.report.evaluatedAt, stale: served.stale },
    };
  }

  function entityRefOf(params: unknown) {
    const { kind, namespace, name } = parse(
      entityParamsSchema,
      params,
      'entity reference',
    );
    return `${kind}:${namespace}/${name}`.toLowerCase();
  }

  function notFound(entityRef: string): never {
    throw new NotFoundError(
      `No Team Insights scorecards for ${entityRef}: it is not a team, an organisational unit or a documented entity in the catalog`,
    );
  }

  const router = Router();
  router.use(express.json());

  router.get('/v1/report', async (req, res) => {
    parse(emptyQuerySchema, req.query, 'query');
    const { report, stale, view } = await readContext(req);
    const body: ReportResponse = { ...filterReport(report, view), stale };
    res.json(body);
  });

  router.get('/v1/teams', async (req, res) => {
    const query: TeamsQuery = parse(teamsQuerySchema, req.query, 'query');
    const { report, filter, meta } = await readContext(req);
    res.json(queryTeams(filter.teams(report.teams), query, meta));
  });

  router.get('/v1/entities/:kind/:namespace/:name', async (req, res) => {
    const entityRef = entityRefOf(req.params);
    parse(emptyQuerySchema, req.query, 'query');
    const { report, filter, meta } = await readContext(req);
    if (!filter.isVisible(entityRef)) {
      notFound(entityRef);
    }
    const index = indexOf(report);
    const findingsFor = (refs: Iterable<string>) => {
      const seen = new Set<string>();
      const found: Finding[] = [];
      for (const ref of refs) {
        const key = ref.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        found.push(...(index.findingsByRef.get(key) ?? []));
      }
      return filter.findings(found);
    };

    let body: EntityScorecardsResponse;
    const team = index.teams.get(entityRef);
    const unit = index.orgUnits.get(entityRef);
    const entity = index.entities.get(entityRef);
    if (team) {
      const related = [team.entityRef, ...team.owned];
      for (const card of Object.values(team.scorecards)) {
        for (const check of card.checks)
          related.push(...(check.entities ?? []));
      }
      body = {
        ...meta,
        type: 'team',
        team: filter.teams([team])[0],
        findings: findingsFor(related),
      };
    } else if (unit) {
      const teams = filter
        .teams(
          unit.teamRefs
            .map(ref => index.teams.get(ref.toLowerCase()))
            .filter(<T>(t: T | undefined): t is T => t !== undefined),
        )
        .map(summarizeTeam);
      body = {
        ...meta,
        type: 'org-unit',
        orgUnit: filter.orgUnits([unit])[0],
        teams,
        findings: findingsFor([unit.entityRef]),
      };
    } else if (entity) {
      const product = index.products.get(entityRef);
      body = {
        ...meta,
        type: 'entity',
        entity: filter.entities([entity])[0],
        ...(product ? { product: filter.products([product])[0] } : {}),
        findings: findingsFor([entity.entityRef]),
      };
    } else {
      notFound(entityRef);
    }
    res.json(body);
  });

  router.get(
    '/v1/entities/:kind/:namespace/:name/history',
    async (req, res) => {
      const entityRef = entityRefOf(req.params);
      const query = parse(historyQuerySchema, req.query, 'query');
      const { report, filter } = await readContext(req);
      const index = indexOf(report);
      const known =
        index.teams.get(entityRef) ??
        index.orgUnits.get(entityRef) ??
        index.entities.get(entityRef);
      if (!known || !filter.isVisible(entityRef)) {
        notFound(entityRef);
      }
      const points = await store.readHistory(known.entityRef, {
        sinceDay: dayBefore(now(), query.days - 1),
        scorecard: query.scorecard,
      });
      const body: HistoryResponse = { entityRef: known.entityRef, points };
      res.json(body);
    },
  );

  router.get('/v1/trends', async (req, res) => {
    const query = parse(trendsQuerySchema, req.query, 'query');
    const { view } = await readContext(req);
    const points = await store.readTrends({
      sinceDay: dayBefore(now(), query.days - 1),
      scorecard: query.scorecard,
      excludeRefs: view.hidden,
    });
    const body: TrendsResponse = { points };
    res.json(body);
  });

  router.get('/v1/products', async (req, res) => {
    parse(emptyQuerySchema, req.query, 'query');
    const { report, filter, meta } = await readContext(req);
    const body: ProductsResponse = {
      ...meta,
      items: filter.products(report.products),
      featureTeams: filter
        .teams(report.teams.filter(team => team.teamType === 'feature'))
        .map(team => team.entityRef),
    };
    res.json(body);
  });

  router.get('/v1/concerns', async (req, res) => {
    parse(emptyQuerySchema, req.query, 'query');
    const { report, filter, meta } = await readContext(req);
    const body: ConcernsResponse = {
      ...meta,
      items: filter.concerns(report.concerns),
    };
    res.json(body);
  });

  router.get('/v1/skill-clusters', async (req, res) => {
    parse(emptyQuerySchema, req.query, 'query');
    await authorize(req, teamInsightsScorecardsReadPermission);
    const config = options.engineConfig;
    const body: SkillClustersResponse = {
      items: config.skillClusters.map(cluster => ({
        id: cluster.id,
        title: cluster.title,
        ...(cluster.description ? { description: cluster.description } : {}),
      })),
      teamTypes: {
        feature: {
          requiredSkills: [...config.teamTypes.feature.requiredSkills],
        },
        centralized: {
          requiredSkills: [...config.teamTypes.centralized.requiredSkills],
        },
        expertise: {
          requiredSkills: [...config.teamTypes.expertise.requiredSkills],
        },
      },
    };
    res.json(body);
  });

  router.post('/v1/refresh', async (req, res) => {
    parse(emptyQuerySchema, req.query, 'query');
    parse(emptyQuerySchema.optional(), req.body, 'body');
    await authorize(req, teamInsightsScorecardsRefreshPermission);
    if (reports.isRefreshing()) {
      throw new ConflictError(
        'A Team Insights refresh is already running; try again when it has finished',
      );
    }
    await scheduler.triggerTask(REFRESH_TASK_ID);
    const body: RefreshResponse = { status: 'started' };
    res.status(202).json(body);
  });

  return router;
}
