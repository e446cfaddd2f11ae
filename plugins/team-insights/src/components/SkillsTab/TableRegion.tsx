import TableContainer from '@material-ui/core/TableContainer';
import type { ReactNode } from 'react';
import { useSkillsStyles } from './skillsStyles';

/**
 * A table of the Skills tab in a region that scrolls sideways, named by
 * `label` with ", scrollable" after it and taking keyboard focus so that
 * keyboard users can scroll it.
 */
export function TableRegion(props: { label: string; children: ReactNode }) {
  const classes = useSkillsStyles();
  return (
    <TableContainer
      className={classes.scroller}
      tabIndex={0}
      role="region"
      aria-label={`${props.label}, scrollable`}
    >
      {props.children}
    </TableContainer>
  );
}
