import type { Entity } from '@backstage/catalog-model';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import {
  parsePlan,
  PlanChange,
  PlanChangeKind,
} from '@team-insights/plugin-team-insights-common';
import { FormEvent, useMemo, useState } from 'react';
import { changeOf } from './changeForm/changeOf';
import { optionsOf, useStyles } from './changeForm/fields';
import { KindFields } from './changeForm/KindFields';

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

  function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const [parsed] = parsePlan({ changes: [changeOf(kind, v)] }).changes;
      setProblem(undefined);
      props.onAdd(parsed);
    } catch (error) {
      setProblem((error as Error).message.replace(/^changes\[0\] /, ''));
    }
  }

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
      <KindFields
        kind={kind}
        v={v}
        set={set}
        users={users}
        groups={groups}
        products={products}
      />
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
