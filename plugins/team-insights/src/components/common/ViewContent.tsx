import Box from '@material-ui/core/Box';
import { ReactNode } from 'react';
import { useContentRootStyles } from './contentStyles';

/**
 * The content of a Team Insights view: its sections in a column, `gap`
 * pixels apart, inside the region the page's skip link and the browser
 * tests find (`data-team-insights-content`).
 */
export function ViewContent(props: { gap?: number; children: ReactNode }) {
  const classes = useContentRootStyles();
  return (
    <Box
      data-team-insights-content
      className={classes.root}
      display="flex"
      flexDirection="column"
      gridGap={props.gap ?? 24}
    >
      {props.children}
    </Box>
  );
}
