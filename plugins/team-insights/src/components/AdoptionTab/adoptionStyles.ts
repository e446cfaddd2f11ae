import { makeStyles } from '@material-ui/core/styles';

/** The styles of the Adoption tab's tables. */
export const useAdoptionStyles = makeStyles(theme => ({
  cell: { whiteSpace: 'nowrap' },
  inline: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
  },
  // Text in the body colour (contrast); icons carry the hue.
  adopted: { '& svg': { color: theme.palette.success.main } },
  declined: { '& svg': { color: theme.palette.warning.dark } },
  unadopted: { backgroundColor: theme.palette.action.hover },
  badge: {
    borderColor: theme.palette.error.main,
    '& svg': { color: theme.palette.error.main },
    marginLeft: theme.spacing(1),
  },
  decliners: { margin: 0, paddingLeft: 0, listStyle: 'none' },
  reason: { display: 'block', color: theme.palette.text.secondary },
}));
