import { NotFoundError } from '@backstage/errors';
import { initiativeTeamsCsv } from '@team-insights/plugin-team-insights-common';
import type express from 'express';
import {
  emptyQuerySchema,
  initiativeParamsSchema,
  initiativesQuerySchema,
  staffingQuerySchema,
} from '../schema/queries';
import {
  normalizeGroupRef,
  parse,
  RequestReader,
  sendCsv,
  wantsCsv,
} from './http';
import type { RouterOptions } from './options';

/** The planner's configuration, staffing suggestions and the initiatives. */
export function planningRoutes(
  router: express.Router,
  { planner, initiatives }: RouterOptions,
  { credentialsOf }: RequestReader,
) {
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

  router.get('/v1/initiatives', async (req, res) => {
    const query = parse(initiativesQuerySchema, req.query, 'query');
    const credentials = await credentialsOf(req);
    res.json(
      initiatives ? await initiatives.list(credentials, query) : { items: [] },
    );
  });

  router.get('/v1/initiatives/:id', async (req, res) => {
    const { id } = parse(initiativeParamsSchema, req.params, 'initiative');
    parse(emptyQuerySchema, req.query, 'query');
    if (!initiatives) {
      throw new NotFoundError(`There is no initiative '${id}'`);
    }
    const detail = await initiatives.get(await credentialsOf(req), id);
    if (wantsCsv(req)) {
      sendCsv(res, `initiative-${id}.csv`, initiativeTeamsCsv(detail));
      return;
    }
    res.json(detail);
  });
}
