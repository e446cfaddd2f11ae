import TextField from '@material-ui/core/TextField';
import {
  PlanChangeKind,
  TEAM_TYPES,
} from '@team-insights/plugin-team-insights-common';
import { ReactNode } from 'react';
import { Option, Picker, Text, useStyles } from './fields';

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
  const { v, set, users, groups, products } = props;
  const teamTypePicker = (
    <TextField
      select
      id="planner-team-type"
      className={classes.field}
      label="Team type"
      value={v('type') || 'feature'}
      onChange={e => set('type')(e.target.value)}
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
  const fields: Record<PlanChangeKind, ReactNode> = {
    move: (
      <>
        <Picker
          label="Person"
          value={v('user')}
          options={users}
          onChange={set('user')}
        />
        <Picker
          label="From team"
          value={v('from')}
          options={groups}
          onChange={set('from')}
        />
        <Picker
          label="To team"
          value={v('to')}
          options={groups}
          onChange={set('to')}
        />
      </>
    ),
    skills: (
      <>
        <Picker
          label="Person"
          value={v('user')}
          options={users}
          onChange={set('user')}
        />
        <Text
          label="Skill clusters"
          value={v('skills')}
          onChange={set('skills')}
          helperText="Primary first, e.g. analytics-translator, data-engineer"
        />
      </>
    ),
    headcount: (
      <>
        <Picker
          label="Team"
          value={v('team')}
          options={groups}
          onChange={set('team')}
        />
        <Text
          label="Head counts"
          value={v('skills')}
          onChange={set('skills')}
          helperText="Replaces the declaration, e.g. site-reliability-engineer=1"
        />
      </>
    ),
    teamType: (
      <>
        <Picker
          label="Team"
          value={v('team')}
          options={groups}
          onChange={set('team')}
        />
        {teamTypePicker}
      </>
    ),
    split: (
      <>
        <Picker
          label="Team"
          value={v('team')}
          options={groups}
          onChange={set('team')}
        />
        <Text
          multiline
          label="New teams"
          value={v('parts')}
          onChange={set('parts')}
          helperText="One per line: name: member, member (user names); every member in one part"
        />
      </>
    ),
    merge: (
      <>
        <Text
          label="Teams"
          value={v('teams')}
          onChange={set('teams')}
          helperText="Names or refs, comma-separated"
        />
        <Text
          label="Into"
          value={v('into')}
          onChange={set('into')}
          helperText="A new name, or one of the teams"
        />
      </>
    ),
    createTeam: (
      <>
        <Text label="Name" value={v('name')} onChange={set('name')} />
        {teamTypePicker}
        <Picker
          label="Parent"
          value={v('parent')}
          options={groups}
          onChange={set('parent')}
          optional
        />
        <Text
          label="Members"
          value={v('members')}
          onChange={set('members')}
          helperText="User names, comma-separated; they leave their teams"
        />
        <Text
          label="Owns"
          value={v('owns')}
          onChange={set('owns')}
          helperText="Products or components, comma-separated"
        />
      </>
    ),
    adopt: (
      <>
        <Picker
          label="Team"
          value={v('team')}
          options={groups}
          onChange={set('team')}
        />
        <Picker
          label="Product"
          value={v('product')}
          options={products}
          onChange={set('product')}
        />
      </>
    ),
    decline: (
      <>
        <Picker
          label="Team"
          value={v('team')}
          options={groups}
          onChange={set('team')}
        />
        <Picker
          label="Product"
          value={v('product')}
          options={products}
          onChange={set('product')}
        />
        <Text
          label="Reason"
          value={v('reason')}
          onChange={set('reason')}
          helperText="For the product's team, e.g. needs streaming"
        />
      </>
    ),
  };

  return <>{fields[props.kind]}</>;
}
