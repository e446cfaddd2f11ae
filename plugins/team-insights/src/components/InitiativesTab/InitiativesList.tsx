import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { teamInsightsApiRef } from '../../api';
import { ErrorPanel, RowHeaderCell } from '../common';
import { describeTarget, PHASE_LABELS } from './labels';

/** The initiatives, each with its teams at target and a link to its page. */
export function InitiativesList() {
  const api = useApi(teamInsightsApiRef);
  const { value, loading, error } = useAsync(() => api.getInitiatives(), [api]);
  if (loading) return <Progress />;
  if (error) return <ErrorPanel error={error} />;
  if (!value || value.items.length === 0) {
    return (
      <EmptyState
        missing="content"
        title="No initiatives yet"
        description="An initiative is a goal with a deadline that a set of teams must reach. Add one under teamInsights.initiatives in app-config.yaml: its id, title, the teams it covers, the target, a start and a deadline."
      />
    );
  }
  return (
    <InfoCard title="Initiatives">
      <Table size="small" aria-label="Initiatives">
        <TableHead>
          <TableRow>
            <TableCell>Initiative</TableCell>
            <TableCell>Target</TableCell>
            <TableCell>Start</TableCell>
            <TableCell>Deadline</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Teams at target</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {value.items.map(item => (
            <TableRow key={item.id}>
              <RowHeaderCell>
                <Link to={item.id}>{item.title}</Link>
                {item.description && (
                  <Typography variant="body2" color="textSecondary">
                    {item.description}
                  </Typography>
                )}
              </RowHeaderCell>
              <TableCell>{describeTarget(item.target)}</TableCell>
              <TableCell style={{ whiteSpace: 'nowrap' }}>
                {item.start}
              </TableCell>
              <TableCell style={{ whiteSpace: 'nowrap' }}>
                {item.deadline}
              </TableCell>
              <TableCell style={{ whiteSpace: 'nowrap' }}>
                {PHASE_LABELS[item.phase]}
              </TableCell>
              <TableCell>
                <Box minWidth={140}>
                  {item.teamsAtTarget} of {item.teamsTotal}
                  <LinearProgress
                    variant="determinate"
                    aria-label={`${item.title}: ${item.teamsAtTarget} of ${item.teamsTotal} teams at target`}
                    value={
                      item.teamsTotal
                        ? (100 * item.teamsAtTarget) / item.teamsTotal
                        : 0
                    }
                  />
                </Box>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </InfoCard>
  );
}
