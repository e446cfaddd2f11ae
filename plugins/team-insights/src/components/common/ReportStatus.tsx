import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { formatDateTime } from './labels';

/**
 * When the report was evaluated, and a warning banner when the backend serves
 * an older report because the last evaluation failed.
 */
export function ReportStatus(props: { evaluatedAt: string; stale: boolean }) {
  const { evaluatedAt, stale } = props;
  if (stale) {
    return (
      <Alert severity="warning" role="alert">
        <AlertTitle>This report is out of date</AlertTitle>
        The last evaluation of the catalog failed, so this is the report
        evaluated at {formatDateTime(evaluatedAt)}. Changes made since then are
        not shown yet.
      </Alert>
    );
  }
  return (
    <Typography variant="caption" color="textSecondary" component="p">
      Evaluated at {formatDateTime(evaluatedAt)}
    </Typography>
  );
}
