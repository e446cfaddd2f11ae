import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import {
  Level,
  ScorecardId,
  TEAM_TYPES,
  TeamType,
} from '@team-insights/plugin-team-insights-common';
import {
  LEVEL_LABELS,
  LEVEL_ORDER,
  SCORECARDS,
  SCORECARD_TITLES,
  TEAM_TYPE_LABELS,
} from '../common';
import { OrgUnitPicker } from './OrgUnitPicker';

/** The filters of the teams table; each is sent to the backend. */
export interface TeamsFilterValues {
  type?: TeamType;
  orgUnit?: string;
  composition?: Level;
  adoption?: Level;
  documentation?: Level;
}

export function TeamsFilters(props: {
  value: TeamsFilterValues;
  onChange: (value: TeamsFilterValues) => void;
}) {
  const { value, onChange } = props;
  const set = (patch: Partial<TeamsFilterValues>) =>
    onChange({ ...value, ...patch });

  return (
    <Grid container spacing={2} alignItems="center">
      <Grid item xs={12} sm={6} md={4}>
        <TextField
          select
          fullWidth
          size="small"
          variant="outlined"
          id="team-insights-filter-type"
          label="Team type"
          value={value.type ?? ''}
          onChange={e =>
            set({ type: (e.target.value as TeamType) || undefined })
          }
        >
          <MenuItem value="">All types</MenuItem>
          {TEAM_TYPES.map(type => (
            <MenuItem key={type} value={type}>
              {TEAM_TYPE_LABELS[type]}
            </MenuItem>
          ))}
        </TextField>
      </Grid>
      <Grid item xs={12} sm={6} md={8}>
        <OrgUnitPicker
          value={value.orgUnit}
          onChange={orgUnit => set({ orgUnit })}
        />
      </Grid>
      {SCORECARDS.map((id: ScorecardId) => (
        <Grid item xs={12} sm={4} key={id}>
          <TextField
            select
            fullWidth
            size="small"
            variant="outlined"
            id={`team-insights-filter-${id}`}
            label={`${SCORECARD_TITLES[id]} level`}
            value={value[id] ?? ''}
            onChange={e =>
              set({ [id]: (e.target.value as Level) || undefined })
            }
          >
            <MenuItem value="">All levels</MenuItem>
            {LEVEL_ORDER.map(level => (
              <MenuItem key={level} value={level}>
                {LEVEL_LABELS[level]}
              </MenuItem>
            ))}
          </TextField>
        </Grid>
      ))}
    </Grid>
  );
}
