import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';

/**
 * A link to an entity's page showing the title the report already carries,
 * so long tables need no extra catalog requests.
 */
export function EntityTitleLink(props: { entityRef: string; title?: string }) {
  const { entityRef, title } = props;
  const entityRoute = useRouteRef(entityRouteRef);
  return (
    <Link to={entityRoute(entityRouteParams(entityRef))}>
      {title || entityRef}
    </Link>
  );
}
