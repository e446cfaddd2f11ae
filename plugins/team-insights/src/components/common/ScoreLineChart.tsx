import { useId } from 'react';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import {
  daysBetween,
  type ScorecardId,
} from '@team-insights/plugin-team-insights-common';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { SCORECARDS, SCORECARD_TITLES } from './labels';
import { visuallyHidden } from './VisuallyHidden';

/** One score of one scorecard on one day. */
export interface ScorePoint {
  day: string;
  scorecard: ScorecardId;
  score: number | null;
}

/**
 * History spanning fewer days than this and the chart says when it starts
 * (counted in days, not points: weekly history over months is not short).
 */
const SHORT_HISTORY_DAYS = 14;

const useStyles = makeStyles(theme => ({
  // minWidth 0 lets the chart shrink inside flex layouts on a phone.
  figure: { margin: 0, position: 'relative', minWidth: 0 },
  chart: { overflow: 'hidden', maxWidth: '100%' },
  empty: { padding: theme.spacing(2, 0) },
}));

const DASHES: Record<ScorecardId, string | undefined> = {
  composition: undefined,
  adoption: '8 4',
  documentation: '2 3',
};

type Row = { day: string } & Partial<Record<ScorecardId, number | null>>;

function pivot(points: readonly ScorePoint[], scorecards: ScorecardId[]) {
  const byDay = new Map<string, Row>();
  for (const point of points) {
    if (!scorecards.includes(point.scorecard)) {
      continue;
    }
    const row = byDay.get(point.day) ?? { day: point.day };
    row[point.scorecard] = point.score;
    byDay.set(point.day, row);
  }
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/**
 * Scores over time as a line chart, with a title, a summary as its
 * accessible name and the same data in a visually hidden table. Lines differ
 * in dash pattern as well as colour.
 */
export function ScoreLineChart(props: {
  title: string;
  points: readonly ScorePoint[];
  scorecards?: ScorecardId[];
  height?: number;
  headingComponent?: 'h2' | 'h3' | 'h4';
}) {
  const {
    title,
    points,
    scorecards = [...SCORECARDS],
    height = 280,
    headingComponent = 'h3',
  } = props;
  const classes = useStyles();
  const theme = useTheme();
  const titleId = useId();
  const rows = pivot(points, scorecards);
  const colors: Record<ScorecardId, string> = {
    composition: theme.palette.primary.main,
    adoption: theme.palette.secondary.main,
    documentation: theme.palette.success.main,
  };

  const heading = (
    <Typography id={titleId} variant="h6" component={headingComponent}>
      {title}
    </Typography>
  );
  if (rows.length === 0) {
    return (
      <figure className={classes.figure} aria-labelledby={titleId}>
        {heading}
        <Typography
          variant="body2"
          color="textSecondary"
          className={classes.empty}
        >
          No history yet: scores are recorded once a day.
        </Typography>
      </figure>
    );
  }

  const first = rows[0].day;
  const last = rows[rows.length - 1];
  const latest = scorecards
    .map(id => `${SCORECARD_TITLES[id]} ${last[id] ?? 'not scored'}`)
    .join(', ');
  const summary = `Line chart of ${scorecards
    .map(id => SCORECARD_TITLES[id])
    .join(', ')} scores from ${first} to ${last.day}. Latest (${
    last.day
  }): ${latest}.`;

  return (
    <figure className={classes.figure} aria-labelledby={titleId}>
      {heading}
      {daysBetween(first, last.day) + 1 < SHORT_HISTORY_DAYS && (
        <Typography variant="body2" className={classes.empty}>
          History starts on {first}: scores are recorded once a day, so the
          lines grow from here.
        </Typography>
      )}
      <div role="img" aria-label={summary} className={classes.chart}>
        <ResponsiveContainer width="100%" height={height}>
          <LineChart
            data={rows}
            margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
          >
            <CartesianGrid
              strokeDasharray="3 3"
              stroke={theme.palette.divider}
            />
            <XAxis
              dataKey="day"
              tick={{ fill: theme.palette.text.primary }}
              stroke={theme.palette.text.primary}
            />
            <YAxis
              domain={[0, 100]}
              tick={{ fill: theme.palette.text.primary }}
              stroke={theme.palette.text.primary}
            />
            <Tooltip
              contentStyle={{
                backgroundColor: theme.palette.background.paper,
                color: theme.palette.text.primary,
              }}
            />
            <Legend
              formatter={value => (
                <span style={{ color: theme.palette.text.primary }}>
                  {value}
                </span>
              )}
            />
            {scorecards.map(id => (
              <Line
                key={id}
                type="monotone"
                dataKey={id}
                name={SCORECARD_TITLES[id]}
                stroke={colors[id]}
                strokeDasharray={DASHES[id]}
                strokeWidth={2}
                isAnimationActive={false}
                connectNulls={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      {/* A table does not shrink to 1 px; the div around it does. */}
      <div style={visuallyHidden}>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              {scorecards.map(id => (
                <th key={id} scope="col">
                  {SCORECARD_TITLES[id]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(row => (
              <tr key={row.day}>
                <th scope="row">{row.day}</th>
                {scorecards.map(id => (
                  <td key={id}>{row[id] ?? 'not scored'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
