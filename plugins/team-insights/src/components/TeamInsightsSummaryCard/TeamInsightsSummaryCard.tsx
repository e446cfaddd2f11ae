import { InfoCard, Progress } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  entityRouteParams,
  entityRouteRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  Level,
  ScorecardId,
} from '@team-insights/plugin-team-insights-common';
import useAsync from 'react-use/esm/useAsync';
import { teamInsightsApiRef } from '../../api';
import {
  LevelChip,
  SCORECARDS,
  SCORECARD_TITLES,
  TEAM_TYPE_LABELS,
  isNotFoundError,
  ErrorPanel,
} from '../common';

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  row: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    padding: theme.spacing(0.75, 0),
  },
  warning: { marginTop: theme.spacing(1) },
}));

/**
 * A small card for a Group's overview: the level of each of its three
 * scorecards and a link to the Team Insights tab.
 * @public
 */
export function TeamInsightsSummaryCard() {
  const { entity } = useEntity();
  const classes = useStyles();
  const api = useApi(teamInsightsApiRef);
  const entityRoute = useRouteRef(entityRouteRef);
  const entityRef = stringifyEntityRef(entity);
  const { value, loading, error } = useAsync(
    () => api.getEntityScorecards(entityRef),
    [api, entityRef],
  );
  const tabLink = `${entityRoute(entityRouteParams(entity))}/team-insights`;

  let content;
  if (loading) {
    content = <Progress />;
  } else if (error && isNotFoundError(error)) {
    content = (
      <Typography variant="body2">
        Not evaluated yet. Declare the team’s type with the
        team-insights.io/team-type annotation (feature, centralized or
        expertise) to get its scorecards.
      </Typography>
    );
  } else if (error) {
    content = <ErrorPanel error={error} />;
  } else if (value && value.type !== 'entity') {
    const levels: Record<
      ScorecardId,
      { score: number | null; level: Level | null }
    > =
      value.type === 'team' ? value.team.scorecards : value.orgUnit.scorecards;
    content = (
      <>
        <Typography variant="body2" color="textSecondary">
          {value.type === 'team'
            ? `${TEAM_TYPE_LABELS[value.team.teamType]} · ${
                value.team.size
              } people`
            : `Organisational unit · mean of ${value.orgUnit.teams} teams`}
        </Typography>
        <ul className={classes.list} aria-label="Scorecard levels">
          {SCORECARDS.map(id => (
            <li key={id} className={classes.row}>
              <Typography variant="body2">{SCORECARD_TITLES[id]}</Typography>
              <LevelChip level={levels[id].level} score={levels[id].score} />
            </li>
          ))}
        </ul>
        {value.stale && (
          <Typography
            variant="caption"
            color="textSecondary"
            className={classes.warning}
          >
            Out of date: the last evaluation failed.
          </Typography>
        )}
      </>
    );
  }

  return (
    <InfoCard
      title="Team Insights"
      deepLink={{ title: 'View scorecards', link: tabLink }}
    >
      {content}
    </InfoCard>
  );
}
