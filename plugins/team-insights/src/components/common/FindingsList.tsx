import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ErrorIcon from '@material-ui/icons/Error';
import ReportProblemIcon from '@material-ui/icons/ReportProblem';
import type { Finding } from '@team-insights/plugin-team-insights-common';

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    display: 'flex',
    gap: theme.spacing(1),
    alignItems: 'flex-start',
    padding: theme.spacing(1, 0),
  },
  error: { color: theme.palette.error.main },
  warning: { color: theme.palette.warning.main },
  severity: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    minWidth: theme.spacing(11),
  },
  annotation: { fontFamily: 'monospace' },
}));

/**
 * Annotation mistakes found while evaluating: what is wrong and how to fix
 * it. Each finding shows its severity as an icon plus text.
 */
export function FindingsList(props: {
  findings: readonly Finding[];
  /** Hide the entity of each finding (when the view is about one entity). */
  hideEntity?: boolean;
}) {
  const { findings, hideEntity } = props;
  const classes = useStyles();
  if (findings.length === 0) {
    return null;
  }
  return (
    <section aria-label="Annotation findings">
      <Typography variant="h6" component="h3">
        Annotation findings
      </Typography>
      <ul className={classes.list}>
        {findings.map((finding, index) => (
          <li key={index} className={classes.item}>
            <span className={classes.severity}>
              {finding.severity === 'error' ? (
                <ErrorIcon
                  fontSize="small"
                  className={classes.error}
                  aria-hidden
                />
              ) : (
                <ReportProblemIcon
                  fontSize="small"
                  className={classes.warning}
                  aria-hidden
                />
              )}
              <Typography component="span" variant="body2">
                {finding.severity === 'error' ? 'Error' : 'Warning'}
              </Typography>
            </span>
            <div>
              <Typography variant="body2">{finding.message}</Typography>
              <Typography variant="caption" color="textSecondary">
                {!hideEntity && (
                  <>
                    <EntityRefLink entityRef={finding.entityRef} />
                    {finding.annotation ? ' · ' : ''}
                  </>
                )}
                {finding.annotation && (
                  <span className={classes.annotation}>
                    {finding.annotation}
                  </span>
                )}
              </Typography>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
