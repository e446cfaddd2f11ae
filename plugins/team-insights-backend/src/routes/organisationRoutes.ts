import type express from 'express';
import {
  emptyQuerySchema,
  moversQuerySchema,
  trendsQuerySchema,
} from '../schema/queries';
import { parse, RequestReader } from './http';
import type { RouterOptions } from './options';

/**
 * Views over the whole organisation, each over what the caller may see:
 * skills, adoption, checks, org units, trends, movers, products, concerns
 * and the skill-cluster vocabulary.
 */
export function organisationRoutes(
  router: express.Router,
  { queries }: RouterOptions,
  { credentialsOf }: RequestReader,
) {
  router.get('/v1/skills', async (req, res) => {
    parse(emptyQuerySchema, req.query, 'query');
    res.json(await queries.skills(await credentialsOf(req)));
  });

  router.get('/v1/adoption', async (req, res) => {
    parse(emptyQuerySchema, req.query, 'query');
    res.json(await queries.productAdoption(await credentialsOf(req)));
  });

  router.get('/v1/checks', async (req, res) => {
    parse(emptyQuerySchema, req.query, 'query');
    res.json(await queries.checks(await credentialsOf(req)));
  });

  router.get('/v1/org-units', async (req, res) => {
    parse(emptyQuerySchema, req.query, 'query');
    res.json(await queries.orgUnits(await credentialsOf(req)));
  });

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
}
