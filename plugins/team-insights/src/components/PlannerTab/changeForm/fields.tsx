import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';

export const useStyles = makeStyles(theme => ({
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    alignItems: 'flex-end',
  },
  field: { minWidth: 220 },
  wide: { minWidth: 320, flex: '1 1 320px' },
}));

/** A stable id for a field, so its label names it for assistive technology. */
function idOf(label: string) {
  return `planner-${label.toLowerCase().replace(/[^a-z]+/g, '-')}`;
}

export interface Option {
  ref: string;
  label: string;
}

export function optionsOf(entities: Entity[], kinds: string[]): Option[] {
  return entities
    .filter(e => kinds.includes(e.kind.toLowerCase()))
    .map(e => ({
      ref: stringifyEntityRef(e).toLowerCase(),
      label: `${
        (e.spec as any)?.profile?.displayName ??
        e.metadata.title ??
        e.metadata.name
      } (${e.metadata.name})`,
    }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en'));
}

export function Picker(props: {
  label: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
  optional?: boolean;
}) {
  const classes = useStyles();
  return (
    <TextField
      select
      id={idOf(props.label)}
      className={classes.field}
      label={props.label}
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
    >
      <option value="">{props.optional ? '(none)' : 'Choose…'}</option>
      {props.options.map(o => (
        <option key={o.ref} value={o.ref}>
          {o.label}
        </option>
      ))}
    </TextField>
  );
}

export function Text(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  helperText?: string;
  multiline?: boolean;
}) {
  const classes = useStyles();
  return (
    <TextField
      id={idOf(props.label)}
      className={props.multiline ? classes.wide : classes.field}
      label={props.label}
      value={props.value}
      helperText={props.helperText}
      multiline={props.multiline}
      minRows={props.multiline ? 3 : undefined}
      onChange={e => props.onChange(e.target.value)}
      InputLabelProps={{ shrink: true }}
    />
  );
}
