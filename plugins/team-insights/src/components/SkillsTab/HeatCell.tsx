import TableCell from '@material-ui/core/TableCell';
import { alpha, useTheme } from '@material-ui/core/styles';
import CheckIcon from '@material-ui/icons/Check';
import type {
  SkillSupply as ClusterSupply,
  TeamSkills,
} from '@team-insights/plugin-team-insights-common';
import { visuallyHidden } from '../common';
import { MissingMark } from './MissingMark';
import { useSkillsStyles } from './skillsStyles';

/**
 * One cell of the heatmap: the people of a team holding a cluster, shaded
 * by how many, a tick where the team requires it, and "Missing" where it is
 * required and nobody holds it.
 */
export function HeatCell(props: {
  team: TeamSkills;
  cluster: ClusterSupply;
  max: number;
}) {
  const { team, cluster, max } = props;
  const classes = useSkillsStyles();
  const theme = useTheme();
  const people = team.skills.find(s => s.cluster === cluster.id)?.people ?? 0;
  const required = team.requiredSkills.includes(cluster.id);
  if (team.missingSkills.includes(cluster.id)) {
    return (
      <TableCell
        className={classes.heat}
        aria-label={`${cluster.title}: required but missing`}
        title={`${team.title} requires ${cluster.title} and nobody holds it`}
      >
        <MissingMark>Missing</MissingMark>
      </TableCell>
    );
  }
  const label = `${cluster.title}: ${people} ${
    people === 1 ? 'person' : 'people'
  }${required ? ', required' : ''}`;
  return (
    <TableCell
      className={classes.heat}
      aria-label={label}
      title={label}
      style={
        people > 0
          ? {
              backgroundColor: alpha(
                theme.palette.primary.main,
                0.1 + 0.5 * Math.min(people / Math.max(max, 1), 1),
              ),
            }
          : undefined
      }
    >
      <span className={classes.inline}>
        {people > 0 ? people : '–'}
        {required && <CheckIcon fontSize="inherit" aria-hidden />}
      </span>
      <span style={visuallyHidden}>{required ? ' required' : ''}</span>
    </TableCell>
  );
}
