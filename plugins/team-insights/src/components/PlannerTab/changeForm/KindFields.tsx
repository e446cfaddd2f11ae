import TextField from '@material-ui/core/TextField';
import {
  PlanChangeKind,
  TEAM_TYPES,
} from '@team-insights/plugin-team-insights-common';
import { Option, Picker, Text, useStyles } from './fields';

/** Which list a picker chooses from. */
type Choices = 'users' | 'groups' | 'products';

/** One field of the form: the change's key it edits and how. */
type Field =
  | { key: string; label: string; pick: Choices; optional?: boolean }
  | { key: string; label: string; helperText?: string; multiline?: boolean }
  | { key: 'type'; label: 'Team type'; teamType: true };

const person = { key: 'user', label: 'Person', pick: 'users' } as const;
const team = { key: 'team', label: 'Team', pick: 'groups' } as const;
const product = { key: 'product', label: 'Product', pick: 'products' } as const;
const teamType = { key: 'type', label: 'Team type', teamType: true } as const;

/** The fields the form shows for each kind of change, in order. */
const FIELDS: Record<PlanChangeKind, Field[]> = {
  move: [
    person,
    { key: 'from', label: 'From team', pick: 'groups' },
    { key: 'to', label: 'To team', pick: 'groups' },
  ],
  skills: [
    person,
    {
      key: 'skills',
      label: 'Skill clusters',
      helperText: 'Primary first, e.g. analytics-translator, data-engineer',
    },
  ],
  headcount: [
    team,
    {
      key: 'skills',
      label: 'Head counts',
      helperText: 'Replaces the declaration, e.g. site-reliability-engineer=1',
    },
  ],
  teamType: [team, teamType],
  split: [
    team,
    {
      key: 'parts',
      label: 'New teams',
      multiline: true,
      helperText:
        'One per line: name: member, member (user names); every member in one part',
    },
  ],
  merge: [
    {
      key: 'teams',
      label: 'Teams',
      helperText: 'Names or refs, comma-separated',
    },
    {
      key: 'into',
      label: 'Into',
      helperText: 'A new name, or one of the teams',
    },
  ],
  createTeam: [
    { key: 'name', label: 'Name' },
    teamType,
    { key: 'parent', label: 'Parent', pick: 'groups', optional: true },
    {
      key: 'members',
      label: 'Members',
      helperText: 'User names, comma-separated; they leave their teams',
    },
    {
      key: 'owns',
      label: 'Owns',
      helperText: 'Products or components, comma-separated',
    },
  ],
  adopt: [team, product],
  decline: [
    team,
    product,
    {
      key: 'reason',
      label: 'Reason',
      helperText: "For the product's team, e.g. needs streaming",
    },
  ],
};

/** The fields the form shows for one kind of change. */
export function KindFields(props: {
  kind: PlanChangeKind;
  v: (key: string) => string;
  set: (key: string) => (value: string) => void;
  users: Option[];
  groups: Option[];
  products: Option[];
}) {
  const classes = useStyles();
  const { v, set } = props;
  return (
    <>
      {FIELDS[props.kind].map(field => {
        if ('teamType' in field) {
          return (
            <TextField
              key={field.key}
              select
              id="planner-team-type"
              className={classes.field}
              label={field.label}
              value={v(field.key) || 'feature'}
              onChange={e => set(field.key)(e.target.value)}
              SelectProps={{ native: true }}
              InputLabelProps={{ shrink: true }}
            >
              {TEAM_TYPES.map(type => (
                <option key={type} value={type}>
                  {type}
                </option>
              ))}
            </TextField>
          );
        }
        if ('pick' in field) {
          return (
            <Picker
              key={field.key}
              label={field.label}
              value={v(field.key)}
              options={props[field.pick]}
              onChange={set(field.key)}
              optional={field.optional}
            />
          );
        }
        return (
          <Text
            key={field.key}
            label={field.label}
            value={v(field.key)}
            onChange={set(field.key)}
            helperText={field.helperText}
            multiline={field.multiline}
          />
        );
      })}
    </>
  );
}
