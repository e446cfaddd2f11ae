import { makeStyles } from '@material-ui/core/styles';

/**
 * The root of every Team Insights view. Backstage's secondary text colour
 * falls just short of 4.5:1 on the page background, so secondary text,
 * captions and field labels in our content take the theme's primary text
 * colour (WCAG 1.4.3, in both themes).
 */
export const useContentRootStyles = makeStyles(theme => ({
  root: {
    // Nothing in a view may push the page wider than a phone's screen.
    minWidth: 0,
    maxWidth: '100%',
    '& > *': { minWidth: 0, maxWidth: '100%' },
    '& .MuiTablePagination-root': { overflowX: 'auto' },
    '& .recharts-responsive-container': { minWidth: 0 },
    '& .MuiTypography-colorTextSecondary, & .MuiTypography-caption, & .MuiFormLabel-root:not(.Mui-focused):not(.Mui-error), & .MuiFormControlLabel-label, & .MuiTable-root caption':
      { color: theme.palette.text.primary },
  },
}));
