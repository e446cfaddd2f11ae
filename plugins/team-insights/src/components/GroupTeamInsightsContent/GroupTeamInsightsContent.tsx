import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import useAsync from 'react-use/esm/useAsync';
import { teamInsightsApiRef } from '../../api';
import {
  AnnotateFirst,
  ReportStatus,
  isNotFoundError,
  ErrorPanel,
} from '../common';
import { useContentRootStyles } from '../common/contentStyles';
import { BadgeSnippet } from '../BadgeSnippet';
import { GroupInitiativesCard } from '../GroupInitiativesCard';
import { OrgUnitView } from './OrgUnitView';
import { TeamView } from './TeamView';

const EDIT_URL = 'backstage.io/edit-url';

/**
 * The Team Insights tab of a Group: a team's three scorecards with their
 * history, or an organisational unit's roll-up and its teams.
 * @public
 */
export function GroupTeamInsightsContent() {
  const contentClasses = useContentRootStyles();
  const { entity } = useEntity();
  const api = useApi(teamInsightsApiRef);
  const entityRef = stringifyEntityRef(entity);
  const { value, loading, error } = useAsync(
    () => api.getEntityScorecards(entityRef),
    [api, entityRef],
  );

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return isNotFoundError(error) ? (
      <AnnotateFirst target="group" name={entity.metadata.name} />
    ) : (
      <ErrorPanel error={error} />
    );
  }
  if (!value) {
    return null;
  }
  const editUrl = entity.metadata.annotations?.[EDIT_URL];
  return (
    <Box
      data-team-insights-content
      className={contentClasses.root}
      display="flex"
      flexDirection="column"
      gridGap={16}
    >
      <ReportStatus evaluatedAt={value.evaluatedAt} stale={value.stale} />
      {value.type === 'team' && <GroupInitiativesCard />}
      {value.type === 'team' && (
        <>
          <TeamView
            team={value.team}
            findings={value.findings}
            editUrl={editUrl}
          />
          <BadgeSnippet />
        </>
      )}
      {value.type === 'org-unit' && (
        <OrgUnitView
          orgUnit={value.orgUnit}
          teams={value.teams}
          findings={value.findings}
        />
      )}
      {value.type === 'entity' && (
        <AnnotateFirst target="group" name={entity.metadata.name} />
      )}
    </Box>
  );
}
