import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { teamInsightsApiRef } from '../../api';
import {
  HISTORY_RANGES,
  RangePicker,
  ScoreLineChart,
  ErrorPanel,
  useUrlRange,
  useUrlState,
} from '../common';
import { ViewContent } from '../common/ViewContent';
import { MoversTable } from './MoversTable';
import { useOrgUnits } from './useOrgUnits';

const ORGANISATION = '';

/**
 * The Trends tab: the organisation's mean score per scorecard over time.
 */
export function TrendsTab() {
  const api = useApi(teamInsightsApiRef);
  const [days, setDays] = useUrlRange(HISTORY_RANGES, 90);
  const [orgUnit, setOrgUnit] = useUrlState<string>('orgUnit', ORGANISATION);
  const units = useOrgUnits();
  const { value, loading, error } = useAsync(
    () => api.getTrends(orgUnit ? { days, orgUnit } : { days }),
    [api, days, orgUnit],
  );
  const movers = useAsync(() => api.getMovers({ days }), [api, days]);
  const unitTitle =
    units.value?.find(unit => unit.entityRef === orgUnit)?.title ?? orgUnit;

  return (
    <ViewContent gap={16}>
      <Box display="flex" flexWrap="wrap" alignItems="center" gridGap={16}>
        <Typography variant="h5" component="h2">
          Trends
        </Typography>
        <RangePicker value={days} onChange={setDays} />
        <TextField
          select
          size="small"
          variant="outlined"
          id="team-insights-trends-org-unit"
          label="Org unit"
          value={orgUnit}
          onChange={e => setOrgUnit(e.target.value)}
        >
          <MenuItem value={ORGANISATION}>The whole organisation</MenuItem>
          {(units.value ?? []).map(unit => (
            <MenuItem key={unit.entityRef} value={unit.entityRef}>
              {unit.title}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      {loading && <Progress />}
      {error && <ErrorPanel error={error} />}
      {value && !loading && (
        <ScoreLineChart
          title={
            orgUnit
              ? `${unitTitle}: score per scorecard, last ${days} days`
              : `Mean score per scorecard, last ${days} days`
          }
          points={value.points}
          height={360}
        />
      )}
      <Typography variant="h6" component="h3">
        Who moved most
      </Typography>
      {movers.loading && <Progress />}
      {movers.error && <ErrorPanel error={movers.error} />}
      {movers.value && !movers.loading && (
        <MoversTable movers={movers.value} days={days} />
      )}
    </ViewContent>
  );
}
