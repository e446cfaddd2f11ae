import { makeStyles } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorIcon from '@material-ui/icons/Error';
import RemoveCircleOutlineIcon from '@material-ui/icons/RemoveCircleOutline';
import ReportProblemIcon from '@material-ui/icons/ReportProblem';
import type { CheckStatus } from '@team-insights/plugin-team-insights-common';
import { STATUS_LABELS } from './labels';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    whiteSpace: 'nowrap',
  },
  pass: { color: theme.palette.success.main },
  warn: { color: theme.palette.warning.main },
  fail: { color: theme.palette.error.main },
  'not-applicable': { color: theme.palette.text.secondary },
}));

const ICONS: Record<CheckStatus, typeof ErrorIcon> = {
  pass: CheckCircleIcon,
  warn: ReportProblemIcon,
  fail: ErrorIcon,
  'not-applicable': RemoveCircleOutlineIcon,
};

/** A check status as an icon plus its name. */
export function StatusLabel(props: { status: CheckStatus }) {
  const { status } = props;
  const classes = useStyles();
  const Icon = ICONS[status];
  return (
    <span className={classes.root}>
      <Icon fontSize="small" className={classes[status]} aria-hidden />
      <span>{STATUS_LABELS[status]}</span>
    </span>
  );
}
