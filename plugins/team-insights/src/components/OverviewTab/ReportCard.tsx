import { Progress } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ErrorPanel, RangePicker, useUrlRange } from '../common';
import { MoversTable } from '../TrendsTab/MoversTable';
import { REPORT_CARD_RANGES, useReportCard } from './useReportCard';

/**
 * The report card of the Overview: the biggest improvements and drops of
 * the last 7 or 30 days among the teams and org units the user may see,
 * with the period in the URL (`?days=30`). When stored history is shorter
 * than the period it says when it starts.
 */
export function ReportCard() {
  const [days, setDays] = useUrlRange(REPORT_CARD_RANGES, 7);
  const { value, loading, error } = useReportCard(days);
  return (
    <section aria-labelledby="team-insights-report-card">
      <Box display="flex" flexWrap="wrap" alignItems="center" gridGap={16}>
        <Typography variant="h5" component="h2" id="team-insights-report-card">
          Report card
        </Typography>
        <RangePicker
          value={days}
          onChange={setDays}
          options={REPORT_CARD_RANGES}
        />
      </Box>
      <Typography variant="body2" color="textSecondary">
        The biggest improvements and drops among the teams and org units you may
        see.
      </Typography>
      <Box mt={1}>
        {loading && <Progress />}
        {error && <ErrorPanel error={error} />}
        {value && !loading && value.historyStartsOn === null && (
          <Typography variant="body2">
            No history yet: scores are recorded once a day, so the report card
            fills from tomorrow.
          </Typography>
        )}
        {value && !loading && value.historyStartsOn && (
          <Typography variant="body2">
            History starts on {value.historyStartsOn}: changes are counted from
            that day, not from {days} days ago.
          </Typography>
        )}
        {value && !loading && value.historyStartsOn !== null && (
          <MoversTable movers={value.movers} days={days} />
        )}
      </Box>
    </section>
  );
}
