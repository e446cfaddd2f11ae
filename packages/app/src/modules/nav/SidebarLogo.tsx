import {
  Link,
  sidebarConfig,
  useSidebarOpenState,
} from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import InsightsIcon from '@material-ui/icons/Equalizer';

const useStyles = makeStyles(theme => ({
  root: {
    width: sidebarConfig.drawerWidthClosed,
    height: 3 * sidebarConfig.logoHeight,
    display: 'flex',
    flexFlow: 'row nowrap',
    alignItems: 'center',
    marginBottom: -14,
  },
  link: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginLeft: 24,
    color: theme.palette.common.white,
    whiteSpace: 'nowrap',
  },
}));

/** The portal's name in the sidebar; only the icon while it is collapsed. */
export const SidebarLogo = () => {
  const classes = useStyles();
  const { isOpen } = useSidebarOpenState();

  return (
    <div className={classes.root}>
      <Link
        to="/"
        underline="none"
        className={classes.link}
        aria-label="Team Insights home"
      >
        <InsightsIcon fontSize="large" />
        {isOpen && <Typography variant="h6">Team Insights</Typography>}
      </Link>
    </div>
  );
};
