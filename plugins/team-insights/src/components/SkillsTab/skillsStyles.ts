import { makeStyles } from '@material-ui/core/styles';

/** The styles of the Skills tab's tables and controls. */
export const useSkillsStyles = makeStyles(theme => ({
  missing: {
    // Dark red on light paper; no red reaches 4.5:1 on dark paper, so the
    // body colour there (the word "missing" and bold type carry it).
    color:
      theme.palette.type === 'dark'
        ? theme.palette.text.primary
        : theme.palette.error.dark,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  inline: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    whiteSpace: 'nowrap',
  },
  heat: { textAlign: 'center' },
  // The containing block of the cells' visually hidden text: without it
  // that text is placed against the page, past the right edge of a phone,
  // and the whole page scrolls sideways instead of only the table.
  controls: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
    margin: theme.spacing(1, 0),
  },
}));
