import express, { Request } from 'express';
import Router from 'express-promise-router';
import { badgeRoute } from './routes/badgeRoute';
import { requestReader } from './routes/http';
import type { RouterOptions } from './routes/options';
import { organisationRoutes } from './routes/organisationRoutes';
import { planningRoutes } from './routes/planningRoutes';
import { refreshRoute } from './routes/refreshRoute';
import { reportRoutes } from './routes/reportRoutes';
import { retryAfterSecondsOf } from './service/retryLater';

export { BADGE_ROUTE } from './routes/badgeRoute';
export type { RouterOptions } from './routes/options';
export { REFRESH_TASK_ID } from './routes/refreshRoute';

/**
 * The REST API under `/api/team-insights/v1`. It only translates HTTP:
 * validation and credentials; the answers come from ScorecardQueries. Each
 * group of routes lives in `routes/`.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const reader = requestReader(options.httpAuth);
  const router = Router();
  router.use(express.json());

  reportRoutes(router, options, reader);
  organisationRoutes(router, options, reader);
  planningRoutes(router, options, reader);
  badgeRoute(router, options, reader);
  refreshRoute(router, options, reader);

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
