import { ConflictError } from '@backstage/errors';
import {
  RefreshResponse,
  teamInsightsScorecardsRefreshPermission,
} from '@team-insights/plugin-team-insights-common';
import type express from 'express';
import { emptyQuerySchema } from '../schema/queries';
import { parse, RequestReader } from './http';
import type { RouterOptions } from './options';

/** Id of the scheduled refresh task. */
export const REFRESH_TASK_ID = 'team-insights-refresh';

/** `POST /refresh`: runs the scheduled refresh task now, once at a time. */
export function refreshRoute(
  router: express.Router,
  { queries, reports, scheduler }: RouterOptions,
  { credentialsOf }: RequestReader,
) {
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
}
