import type { Theme } from '@material-ui/core/styles';
import type { CSSProperties } from '@material-ui/core/styles/withStyles';

/**
 * Styles for a wide table whose first column names the row (a team): words
 * never break in the middle, and the first column stays in view while the
 * table scrolls sideways. The sticky cells take the paper colour of the
 * theme so the columns scrolling underneath do not show through.
 */
export function stickyFirstColumnStyles(theme: Theme): CSSProperties {
  return {
    '& td, & th': { overflowWrap: 'normal', wordBreak: 'normal' },
    '& th': { whiteSpace: 'nowrap' },
    '& tr > :first-child': {
      position: 'sticky',
      left: 0,
      zIndex: 1,
      backgroundColor: theme.palette.background.paper,
      // a line that marks where the scrolling columns slide under
      boxShadow: `inset -1px 0 0 ${theme.palette.divider}`,
    },
    '& thead tr > :first-child': { zIndex: 2 },
  };
}
