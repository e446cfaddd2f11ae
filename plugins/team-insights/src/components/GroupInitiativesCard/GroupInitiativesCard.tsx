import { InfoCard, Link } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import useAsync from 'react-use/esm/useAsync';
import { teamInsightsApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { ErrorPanel } from '../common';

/** The Team Insights page's path, or undefined in an app that lacks the page. */
function useOptionalRoute(): (() => string) | undefined {
  try {
    // always called, so the hooks keep their order
    return useRouteRef(rootRouteRef);
  } catch {
    return undefined;
  }
}

/**
 * The initiatives that cover a Group, on its Team Insights tab; nothing
 * when none does.
 */
export function GroupInitiativesCard() {
  const { entity } = useEntity();
  const api = useApi(teamInsightsApiRef);
  const root = useOptionalRoute();
  const team = stringifyEntityRef(entity);
  const { value, error } = useAsync(
    () => api.getInitiatives({ team }),
    [api, team],
  );
  if (error) return <ErrorPanel error={error} />;
  if (!value || value.items.length === 0) return null;
  return (
    <InfoCard title="Initiatives">
      <List dense disablePadding>
        {value.items.map(item => (
          <ListItem key={item.id} disableGutters>
            <ListItemText
              primary={
                root ? (
                  <Link
                    to={`${root()}/initiatives/${encodeURIComponent(item.id)}`}
                  >
                    {item.title}
                  </Link>
                ) : (
                  item.title
                )
              }
              secondary={`Deadline ${item.deadline} · ${item.teamsAtTarget} of ${item.teamsTotal} teams at target`}
            />
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
}
