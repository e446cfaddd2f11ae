import { useId } from 'react';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { useUrlState } from './useUrlState';

/** The periods of the history views, in days. */
export const HISTORY_RANGES = [30, 90, 365] as const;

/**
 * A labelled select of periods ("Last 30 days"), for the charts and
 * rankings over stored history. A select, like the other pickers of the
 * views: it has a visible label that is its accessible name and opens with
 * Enter, Space or the arrow keys.
 */
export function RangePicker<T extends number>(props: {
  value: T;
  onChange: (days: T) => void;
  /** The periods to offer, in days; 30, 90 and 365 when left out. */
  options?: readonly T[];
  /** The visible label; `Period` when left out. */
  label?: string;
}) {
  const {
    value,
    onChange,
    options = HISTORY_RANGES as unknown as readonly T[],
    label = 'Period',
  } = props;
  const id = useId();
  return (
    <TextField
      select
      size="small"
      variant="outlined"
      id={`team-insights-range-${id}`}
      label={label}
      value={value}
      onChange={e => {
        const next = options.find(days => days === Number(e.target.value));
        if (next !== undefined) onChange(next);
      }}
    >
      {options.map(days => (
        <MenuItem key={days} value={days}>
          Last {days} days
        </MenuItem>
      ))}
    </TextField>
  );
}

/**
 * A period kept in the URL's query (`?days=30`; the default is left out), read
 * as one of `options`: any other value in the URL means the default.
 */
export function useUrlRange<T extends number>(
  options: readonly T[],
  fallback: T,
  key = 'days',
): [T, (days: T) => void] {
  const [requested, setDays] = useUrlState<number>(key, fallback);
  const days = options.find(option => option === requested) ?? fallback;
  return [days, setDays];
}
