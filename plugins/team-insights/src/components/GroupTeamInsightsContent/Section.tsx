import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { ReactNode } from 'react';

/** Styles shared by the parts of a team's tab. */
export const useTeamViewStyles = makeStyles(theme => ({
  inline: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
  },
  // Status text keeps the body colour (contrast); the icon carries the hue.
  bad: { '& svg': { color: theme.palette.error.main } },
  warn: { '& svg': { color: theme.palette.warning.main } },
  good: { '& svg': { color: theme.palette.success.main } },
  section: { marginTop: theme.spacing(2) },
  list: { margin: theme.spacing(0.5, 0), paddingLeft: theme.spacing(2.5) },
}));

/** A titled part of a scorecard's card. */
export function Section(props: { title: string; children: ReactNode }) {
  const classes = useTeamViewStyles();
  return (
    <Box className={classes.section}>
      <Typography variant="subtitle1" component="h3">
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

/** What a part shows when the team's details could not be loaded. */
export function DetailsError(props: { what: string; error?: Error }) {
  return (
    <Typography variant="body2" color="textSecondary">
      {props.what} could not be loaded: {props.error?.message}
    </Typography>
  );
}

/** A quoted reason under a link, as a team wrote it. */
export function Reason(props: { text?: string }) {
  if (!props.text) return null;
  return (
    <Typography variant="caption" color="textSecondary" component="div">
      “{props.text}”
    </Typography>
  );
}
