import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { teamInsightsApiRef } from '../../api';
import { ScoreLineChart, ErrorPanel, useUrlState } from '../common';
import { useContentRootStyles } from '../common/contentStyles';

const RANGES = [30, 90, 365];

/**
 * The Trends tab: the organisation's mean score per scorecard over time.
 */
export function TrendsTab() {
  const contentClasses = useContentRootStyles();
  const api = useApi(teamInsightsApiRef);
  const [requested, setDays] = useUrlState<number>('days', 90);
  const days = RANGES.includes(requested) ? requested : 90;
  const { value, loading, error } = useAsync(
    () => api.getTrends({ days }),
    [api, days],
  );

  return (
    <Box
      data-team-insights-content
      className={contentClasses.root}
      display="flex"
      flexDirection="column"
      gridGap={16}
    >
      <Box display="flex" flexWrap="wrap" alignItems="center" gridGap={16}>
        <Typography variant="h5" component="h2">
          Trends
        </Typography>
        <TextField
          select
          size="small"
          variant="outlined"
          id="team-insights-trends-period"
          label="Period"
          value={days}
          onChange={e => setDays(Number(e.target.value))}
        >
          {RANGES.map(range => (
            <MenuItem key={range} value={range}>
              Last {range} days
            </MenuItem>
          ))}
        </TextField>
      </Box>
      {loading && <Progress />}
      {error && <ErrorPanel error={error} />}
      {value && !loading && (
        <ScoreLineChart
          title={`Mean score per scorecard, last ${days} days`}
          points={value.points}
          height={360}
        />
      )}
    </Box>
  );
}
