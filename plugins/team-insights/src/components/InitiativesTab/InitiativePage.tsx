import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { InitiativeResponse } from '@team-insights/plugin-team-insights-common';
import { useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { teamInsightsApiRef } from '../../api';
import {
  DownloadCsvButton,
  EntityTitleLink,
  ErrorPanel,
  LevelChip,
  RowHeaderCell,
} from '../common';
import { BurnUpChart } from './BurnUpChart';
import { describeTarget, PHASE_LABELS } from './labels';

function projection(value: InitiativeResponse): string {
  if (value.teamsTotal > 0 && value.teamsAtTarget === value.teamsTotal) {
    return value.projectedCompletion
      ? `Every team reached the target on ${value.projectedCompletion}.`
      : 'Every team is at target.';
  }
  if (!value.projectedCompletion) {
    return 'No projected completion: no team reached the target in the last 28 days.';
  }
  return `At the pace of the last 28 days, every team is at target by ${
    value.projectedCompletion
  }: ${value.onTrack ? 'on track for' : 'after'} the deadline of ${
    value.deadline
  }.`;
}

/** One initiative: where it stands, its burn-up and its teams. */
export function InitiativePage() {
  const { id = '' } = useParams();
  const api = useApi(teamInsightsApiRef);
  const { value, loading, error } = useAsync(
    () => api.getInitiative(id),
    [api, id],
  );
  if (loading) return <Progress />;
  if (error) return <ErrorPanel error={error} />;
  if (!value) return null;
  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      <Box>
        <Link to="..">All initiatives</Link>
        <Typography variant="h5" component="h2">
          {value.title}
        </Typography>
        {value.description && (
          <Typography variant="body1">{value.description}</Typography>
        )}
        <Typography variant="body2" color="textSecondary">
          {PHASE_LABELS[value.phase]} · {value.start} to {value.deadline} ·
          Target: {describeTarget(value.target)} ·{' '}
          <strong>
            {value.teamsAtTarget} of {value.teamsTotal} teams at target
          </strong>
        </Typography>
        <Typography variant="body2">{projection(value)}</Typography>
      </Box>
      <Grid container spacing={2}>
        <Grid item xs={12}>
          <InfoCard>
            <BurnUpChart history={value.history} deadline={value.deadline} />
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <InfoCard
            title="Teams"
            action={
              <DownloadCsvButton
                load={() => api.getInitiativeCsv(id)}
                filename={`initiative-${id}.csv`}
                label="Download CSV of the initiative's teams"
              />
            }
          >
            <Table size="small" aria-label="Teams of the initiative">
              <TableHead>
                <TableRow>
                  <TableCell>Team</TableCell>
                  <TableCell>At target</TableCell>
                  <TableCell>Level</TableCell>
                  <TableCell>What holds it back</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {value.teams.map(team => (
                  <TableRow key={team.entityRef}>
                    <RowHeaderCell>
                      <EntityTitleLink
                        entityRef={team.entityRef}
                        title={team.title}
                      />
                    </RowHeaderCell>
                    <TableCell>{team.atTarget ? 'Yes' : 'Not yet'}</TableCell>
                    <TableCell>
                      <LevelChip level={team.level} />
                    </TableCell>
                    <TableCell>
                      {team.failingChecks.length
                        ? team.failingChecks.join(', ')
                        : '—'}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </InfoCard>
        </Grid>
      </Grid>
    </Box>
  );
}
