import type { Entity } from '@backstage/catalog-model';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import {
  parsePlan,
  PlanChange,
  PlanChangeKind,
  TEAM_TYPES,
} from '@team-insights/plugin-team-insights-common';
import { FormEvent, ReactNode, useMemo, useState } from 'react';

const useStyles = makeStyles(theme => ({
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    alignItems: 'flex-end',
  },
  field: { minWidth: 220 },
  wide: { minWidth: 320, flex: '1 1 320px' },
}));

/** What each kind of change is called in the form. */
export const CHANGE_LABELS: Record<PlanChangeKind, string> = {
  move: 'Move a person',
  skills: "Change a person's skills",
  headcount: 'Set head counts',
  teamType: 'Set a team type',
  split: 'Split a team',
  merge: 'Merge teams',
  createTeam: 'Create a team',
  adopt: 'Adopt a product',
  decline: 'Decline a product',
};

/** A stable id for a field, so its label names it for assistive technology. */
function idOf(label: string) {
  return `planner-${label.toLowerCase().replace(/[^a-z]+/g, '-')}`;
}

interface Option {
  ref: string;
  label: string;
}

function refOf(entity: Entity) {
  return `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
    entity.metadata.name
  }`.toLowerCase();
}

function optionsOf(entities: Entity[], kinds: string[]): Option[] {
  return entities
    .filter(e => kinds.includes(e.kind.toLowerCase()))
    .map(e => ({
      ref: refOf(e),
      label: `${
        (e.spec as any)?.profile?.displayName ??
        e.metadata.title ??
        e.metadata.name
      } (${e.metadata.name})`,
    }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en'));
}

function Picker(props: {
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

function Text(props: {
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

const list = (value: string) =>
  value
    .split(',')
    .map(s => s.trim())
    .filter(Boolean);

/** `name: a, b` per line, as the parts of a split. */
function parts(value: string) {
  return value
    .split('\n')
    .map(line => line.trim())
    .filter(Boolean)
    .map(line => {
      const colon = line.indexOf(':');
      return colon < 0
        ? { name: line, members: [] }
        : {
            name: line.slice(0, colon).trim(),
            members: list(line.slice(colon + 1)),
          };
    });
}

/**
 * A form for one change of the draft. The change is validated like a change
 * file (the same parser), so what the form adds is what the CLI would read.
 */
export function ChangeForm(props: {
  entities: Entity[];
  initialTeam?: string;
  onAdd: (change: PlanChange) => void;
}) {
  const classes = useStyles();
  const { entities } = props;
  const users = useMemo(() => optionsOf(entities, ['user']), [entities]);
  const groups = useMemo(() => optionsOf(entities, ['group']), [entities]);
  const products = useMemo(
    () => optionsOf(entities, ['component', 'api', 'resource']),
    [entities],
  );
  const [kind, setKind] = useState<PlanChangeKind>('move');
  const [f, setF] = useState<Record<string, string>>({
    team: props.initialTeam ?? '',
  });
  const [problem, setProblem] = useState<string>();
  const set = (key: string) => (value: string) =>
    setF(current => ({ ...current, [key]: value }));
  const v = (key: string) => f[key] ?? '';

  function change(): unknown {
    switch (kind) {
      case 'move':
        return { move: { user: v('user'), from: v('from'), to: v('to') } };
      case 'skills':
        return { skills: { user: v('user'), skills: v('skills') } };
      case 'headcount':
        return { headcount: { team: v('team'), skills: v('skills') } };
      case 'teamType':
        return { teamType: { team: v('team'), type: v('type') || 'feature' } };
      case 'split':
        return { split: { team: v('team'), into: parts(v('parts')) } };
      case 'merge':
        return { merge: { teams: list(v('teams')), into: v('into') } };
      case 'createTeam':
        return {
          createTeam: {
            name: v('name'),
            type: v('type') || 'feature',
            ...(v('parent') ? { parent: v('parent') } : {}),
            ...(list(v('members')).length
              ? { members: list(v('members')) }
              : {}),
            ...(list(v('owns')).length ? { owns: list(v('owns')) } : {}),
          },
        };
      case 'adopt':
        return { adopt: { team: v('team'), product: v('product') } };
      default:
        return {
          decline: {
            team: v('team'),
            product: v('product'),
            ...(v('reason') ? { reason: v('reason') } : {}),
          },
        };
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const [parsed] = parsePlan({ changes: [change()] }).changes;
      setProblem(undefined);
      props.onAdd(parsed);
    } catch (error) {
      setProblem((error as Error).message.replace(/^changes\[0\] /, ''));
    }
  }

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

  return (
    <form className={classes.form} onSubmit={submit} aria-label="Add a change">
      <TextField
        select
        id="planner-change"
        className={classes.field}
        label="Change"
        value={kind}
        onChange={e => {
          setKind(e.target.value as PlanChangeKind);
          setProblem(undefined);
        }}
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
      >
        {(Object.keys(CHANGE_LABELS) as PlanChangeKind[]).map(k => (
          <option key={k} value={k}>
            {CHANGE_LABELS[k]}
          </option>
        ))}
      </TextField>
      {fields[kind]}
      <Button type="submit" variant="contained" color="primary">
        Add to draft
      </Button>
      {problem && (
        <Box width="100%" role="alert" color="error.main">
          {problem}
        </Box>
      )}
    </form>
  );
}
