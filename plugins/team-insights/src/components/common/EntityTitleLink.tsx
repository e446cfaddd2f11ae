import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';

/** The path of the Team Insights tab on a Group's entity page. */
export const TEAM_TAB_PATH = 'team-insights';

/** The anchor of a check on a team's Team Insights tab. */
export function checkAnchor(checkId: string): string {
  return `check-${checkId.replace(/[^a-z0-9-]/gi, '-')}`;
}

/**
 * A link to an entity's page showing the title the report already carries,
 * so long tables need no extra catalog requests. With `teamTab` it opens the
 * Group's Team Insights tab, optionally scrolled to one check.
 */
export function EntityTitleLink(props: {
  entityRef: string;
  title?: string;
  teamTab?: boolean;
  checkId?: string;
}) {
  const { entityRef, title, teamTab, checkId } = props;
  const entityRoute = useRouteRef(entityRouteRef);
  let to = entityRoute(entityRouteParams(entityRef));
  if (teamTab) to = `${to.replace(/\/$/, '')}/${TEAM_TAB_PATH}`;
  if (checkId) to = `${to}#${checkAnchor(checkId)}`;
  return <Link to={to}>{title || entityRef}</Link>;
}
