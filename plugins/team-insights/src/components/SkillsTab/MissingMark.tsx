import ReportProblemIcon from '@material-ui/icons/ReportProblem';
import type { ReactNode } from 'react';
import { useSkillsStyles } from './skillsStyles';

/** A required skill cluster nobody holds: a warning icon and bold words. */
export function MissingMark(props: { children: ReactNode }) {
  const classes = useSkillsStyles();
  return (
    <span className={`${classes.inline} ${classes.missing}`}>
      <ReportProblemIcon fontSize="small" aria-hidden />
      {props.children}
    </span>
  );
}
