import type { TeamsQuery } from '@team-insights/plugin-team-insights-common';
import type express from 'express';
import {
  emptyQuerySchema,
  historyQuerySchema,
  myTeamsQuerySchema,
  teamParamsSchema,
  teamsQuerySchema,
} from '../schema/queries';
import { parse, RequestReader, sendCsv, wantsCsv } from './http';
import type { RouterOptions } from './options';

/**
 * The report and its teams and entities: `/report`, `/teams` (JSON or
 * CSV), a team's details, the caller's teams, an entity's scorecards and
 * history.
 */
export function reportRoutes(
  router: express.Router,
  options: RouterOptions,
  { credentialsOf, entityRefOf }: RequestReader,
) {
  const { queries } = options;

  router.get('/v1/report', async (req, res) => {
    parse(emptyQuerySchema, req.query, 'query');
    const { body, etag } = await queries.reportJson(await credentialsOf(req));
    if (etag) {
      // Set here, Express does not hash the whole report on every request.
      res.set('ETag', etag);
    }
    res.type('application/json').send(body);
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
    const credentials = await credentialsOf(req);
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
}
