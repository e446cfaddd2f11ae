import { Progress } from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type {
  TeamDetails,
  TeamReport,
} from '@team-insights/plugin-team-insights-common';
import { EntityTitleLink, LevelChip, RowHeaderCell } from '../common';
import { DetailsError, Section } from './Section';
import type { AsyncValue } from './useTeamDetails';

/**
 * The documentation card's details: every documented entity the team owns,
 * worst documented first, from the one answer of the team's details.
 */
export function OwnedEntities(props: {
  team: TeamReport;
  details: AsyncValue<TeamDetails>;
}) {
  const { team, details } = props;
  const owned = details.value?.owned;
  return (
    <Section title="Owned entities, worst first">
      {details.loading && <Progress />}
      {!details.loading && !owned && (
        <DetailsError what="Owned entities" error={details.error} />
      )}
      {owned && owned.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          The team owns no documented entity.
        </Typography>
      )}
      {owned && owned.length > 0 && (
        <TableContainer
          tabIndex={0}
          role="region"
          aria-label={`Entities owned by ${team.title}, scrollable`}
        >
          <Table size="small" aria-label={`Entities owned by ${team.title}`}>
            <TableHead>
              <TableRow>
                <TableCell>Entity</TableCell>
                <TableCell>Kind</TableCell>
                <TableCell>Documentation</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {owned.map(entity => (
                <TableRow key={entity.entityRef}>
                  <RowHeaderCell>
                    <EntityTitleLink
                      entityRef={entity.entityRef}
                      title={entity.title}
                    />
                  </RowHeaderCell>
                  <TableCell>{entity.kind}</TableCell>
                  <TableCell>
                    <LevelChip
                      level={entity.documentation.level}
                      score={entity.documentation.score}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Section>
  );
}
