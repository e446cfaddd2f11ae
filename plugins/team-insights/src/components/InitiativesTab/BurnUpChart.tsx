import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import type { InitiativeHistoryPoint } from '@team-insights/plugin-team-insights-common';
import { useId } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { visuallyHidden } from '../common';

const useStyles = makeStyles(theme => ({
  figure: { margin: 0, position: 'relative' },
  empty: { padding: theme.spacing(2, 0) },
}));

/**
 * An initiative's burn-up: teams at target per day against the teams
 * covered, with the deadline marked; the same data in a visually hidden
 * table, as the Trends chart does.
 */
export function BurnUpChart(props: {
  history: InitiativeHistoryPoint[];
  deadline: string;
  height?: number;
}) {
  const { history, deadline, height = 320 } = props;
  const classes = useStyles();
  const theme = useTheme();
  const titleId = useId();
  const title = 'Teams at target, per day';
  const heading = (
    <Typography id={titleId} variant="h6" component="h3">
      {title}
    </Typography>
  );
  if (history.length === 0) {
    return (
      <figure className={classes.figure} aria-labelledby={titleId}>
        {heading}
        <Typography
          variant="body2"
          color="textSecondary"
          className={classes.empty}
        >
          No history yet: the teams are counted once a day.
        </Typography>
      </figure>
    );
  }
  const first = history[0];
  const last = history[history.length - 1];
  const summary = `Burn-up from ${first.date} to ${last.date}: ${last.teamsAtTarget} of ${last.teamsTotal} teams at target on ${last.date}; deadline ${deadline}.`;
  return (
    <figure className={classes.figure} aria-labelledby={titleId}>
      {heading}
      <div role="img" aria-label={summary} data-testid="burn-up">
        <ResponsiveContainer width="100%" height={height}>
          <LineChart
            data={history}
            margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="date"
              type="category"
              allowDuplicatedCategory={false}
            />
            <YAxis allowDecimals={false} domain={[0, 'dataMax']} />
            <Tooltip />
            <Legend />
            {deadline <= last.date && (
              <ReferenceLine
                x={deadline}
                stroke={theme.palette.error.main}
                label="Deadline"
              />
            )}
            <Line
              type="stepAfter"
              dataKey="teamsTotal"
              name="Teams covered"
              stroke={theme.palette.text.secondary}
              strokeDasharray="4 3"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
            <Line
              type="linear"
              dataKey="teamsAtTarget"
              name="Teams at target"
              stroke={theme.palette.primary.main}
              strokeWidth={2}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <table style={visuallyHidden}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Teams at target</th>
            <th scope="col">Teams covered</th>
          </tr>
        </thead>
        <tbody>
          {history.map(point => (
            <tr key={point.date}>
              <th scope="row">{point.date}</th>
              <td>{point.teamsAtTarget}</td>
              <td>{point.teamsTotal}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
