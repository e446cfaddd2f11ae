import type express from 'express';
import { badgeFileSchema, emptyQuerySchema } from '../schema/queries';
import { BadgeMessage, renderBadge } from '../service/badges';
import { parse, RequestReader } from './http';
import type { RouterOptions } from './options';

/** The badge route; the only one that may be opened to anonymous readers. */
export const BADGE_ROUTE = '/v1/badges/:kind/:namespace/:name/:file';

/** How long browsers and proxies may keep a badge, in seconds. */
const BADGE_MAX_AGE = 300;

/** A README badge with one scorecard's level of an entity, as SVG. */
export function badgeRoute(
  router: express.Router,
  { queries, publicBadges }: RouterOptions,
  { credentialsOf, entityRefOf }: RequestReader,
) {
  router.get(BADGE_ROUTE, async (req, res) => {
    const { file, ...params } = req.params;
    const entityRef = entityRefOf(params);
    const card = parse(badgeFileSchema, file, 'badge');
    parse(emptyQuerySchema, req.query, 'query');
    // Public badges are the same for everyone: credentials are not read.
    const found = publicBadges
      ? await queries.publicBadgeLevel(entityRef, card)
      : await queries.badgeLevel(await credentialsOf(req), entityRef, card);
    const message: BadgeMessage = found ? found.level ?? 'n/a' : 'unknown';
    res
      .status(200)
      .set({
        'Content-Type': 'image/svg+xml; charset=utf-8',
        'Cache-Control': `${
          publicBadges ? 'public' : 'private'
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
}
