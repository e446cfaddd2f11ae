import { Progress } from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ReportProblemIcon from '@material-ui/icons/ReportProblem';
import {
  plural,
  type TeamDetails,
  type TeamReport,
} from '@team-insights/plugin-team-insights-common';
import type { ReactNode } from 'react';
import { PlanTeamLink } from '../PlannerTab/PlanTeamLink';
import { RowHeaderCell, humanizeId } from '../common';
import { DetailsError, Section, useTeamViewStyles } from './Section';
import type { AsyncValue } from './useTeamDetails';

type Spof = Pick<TeamDetails, 'singlePointsOfFailure' | 'redundancyMinPeople'>;

function ClusterStatus(props: {
  missing: boolean;
  atRisk: boolean;
  required: boolean;
}) {
  const classes = useTeamViewStyles();
  if (props.missing) {
    return (
      <span className={`${classes.inline} ${classes.bad}`}>
        <ReportProblemIcon fontSize="small" aria-hidden />
        Missing
      </span>
    );
  }
  if (props.atRisk) {
    return (
      <span className={`${classes.inline} ${classes.warn}`}>
        <ReportProblemIcon fontSize="small" aria-hidden />
        Single point of failure
      </span>
    );
  }
  if (props.required) {
    return (
      <span className={`${classes.inline} ${classes.good}`}>
        <CheckCircleIcon fontSize="small" aria-hidden />
        Covered
      </span>
    );
  }
  return <>—</>;
}

function ClusterTable(props: {
  team: TeamReport;
  atRisk: ReadonlySet<string>;
}) {
  const { team, atRisk } = props;
  const clusters = [
    ...new Set([...team.requiredSkills, ...team.skills.map(s => s.cluster)]),
  ].sort();
  return (
    <TableContainer
      tabIndex={0}
      role="region"
      aria-label={`Skill clusters of ${team.title}, scrollable`}
    >
      <Table size="small" aria-label={`Skill clusters of ${team.title}`}>
        <TableHead>
          <TableRow>
            <TableCell>Skill cluster</TableCell>
            <TableCell align="right">People</TableCell>
            <TableCell align="right">Primary</TableCell>
            <TableCell>Required</TableCell>
            <TableCell>Status</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {clusters.map(id => {
            const holding = team.skills.find(s => s.cluster === id);
            const required = team.requiredSkills.includes(id);
            return (
              <TableRow key={id}>
                <RowHeaderCell>{humanizeId(id)}</RowHeaderCell>
                <TableCell align="right">{holding?.people ?? 0}</TableCell>
                <TableCell align="right">{holding?.primary ?? 0}</TableCell>
                <TableCell>{required ? 'Yes' : 'No'}</TableCell>
                <TableCell>
                  <ClusterStatus
                    missing={team.missingSkills.includes(id)}
                    atRisk={atRisk.has(id)}
                    required={required}
                  />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/**
 * "Held by one person only: …" at the default threshold of two, else "Held
 * by fewer than 3 people: …".
 */
function spofText({ singlePointsOfFailure, redundancyMinPeople: min }: Spof) {
  if (singlePointsOfFailure.length === 0) {
    return `Every required cluster the team holds is held by at least ${
      min === 2 ? 'two people' : plural(min, 'person', 'people')
    }.`;
  }
  const names = singlePointsOfFailure.map(humanizeId).join(', ');
  return min === 2
    ? `Held by one person only: ${names}.`
    : `Held by fewer than ${plural(min, 'person', 'people')}: ${names}.`;
}

/**
 * The composition card's details: the clusters held against those
 * required, the size with its communication paths, and the single points of
 * failure by the configured `thresholds.redundancyMinPeople`, the same the
 * redundancy check names.
 */
export function SkillClusters(props: {
  team: TeamReport;
  details: AsyncValue<TeamDetails>;
}) {
  const { team, details } = props;
  let clusters: ReactNode;
  let spof: ReactNode;
  if (details.value) {
    clusters = (
      <ClusterTable
        team={team}
        atRisk={new Set(details.value.singlePointsOfFailure)}
      />
    );
    spof = <Typography variant="body2">{spofText(details.value)}</Typography>;
  } else if (details.loading) {
    clusters = <Progress />;
    spof = <Progress />;
  } else {
    clusters = <DetailsError what="Skill clusters" error={details.error} />;
    spof = (
      <DetailsError what="Single points of failure" error={details.error} />
    );
  }
  return (
    <>
      <Section title="Skill clusters held and required">{clusters}</Section>
      <Section title="Size">
        <Typography variant="body2">
          {team.size} {team.size === 1 ? 'person' : 'people'} ({team.members}{' '}
          {team.members === 1 ? 'member' : 'members'}
          {team.headCount > 0
            ? `, ${team.headCount} declared as head counts`
            : ''}
          ): {team.communicationPaths} communication paths. Each person added
          brings more communication overhead than the one before.
        </Typography>
        <PlanTeamLink teamRef={team.entityRef} />
      </Section>
      <Section title="Single points of failure">{spof}</Section>
    </>
  );
}
