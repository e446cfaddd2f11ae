import { Link } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useMemo } from 'react';
import {
  rankCheckGains,
  type LevelThresholds,
  type TeamReport,
} from '@team-insights/plugin-team-insights-common';
import {
  ABOUT_OTHER_ENTITIES,
  LEVEL_LABELS,
  Remediation,
  SCORECARD_TITLES,
  StatusLabel,
  TextWithRefs,
  checkAnchor,
} from '../common';

const useStyles = makeStyles(theme => ({
  root: { padding: theme.spacing(2) },
  list: { margin: theme.spacing(1, 0, 0), paddingLeft: theme.spacing(3) },
  item: {
    padding: theme.spacing(1, 0),
    '& + &': { borderTop: `1px solid ${theme.palette.divider}` },
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    gap: theme.spacing(1),
  },
  worth: { fontWeight: theme.typography.fontWeightBold as number },
  message: { whiteSpace: 'pre-line', marginTop: theme.spacing(0.5) },
}));

/** The level thresholds the frontend sees (`teamInsights.levels`). */
export function useLevelThresholds(): LevelThresholds {
  const config = useApi(configApiRef);
  const read = (key: string, fallback: number) =>
    config.getOptionalNumber(`teamInsights.levels.${key}`) ?? fallback;
  const gold = read('gold', 90);
  const silver = read('silver', 75);
  const bronze = read('bronze', 50);
  return useMemo(() => ({ gold, silver, bronze }), [gold, silver, bronze]);
}

/** The anchor of a next step on the team's tab. */
export function nextStepAnchor(checkId: string): string {
  return `next-${checkAnchor(checkId)}`;
}

/** The checks shown as next steps, each with its anchor. */
export function useNextSteps(team: TeamReport) {
  const levels = useLevelThresholds();
  return useMemo(
    () => rankCheckGains(team, levels).slice(0, 3),
    [team, levels],
  );
}

/**
 * What the team should do next: the three failing or warning checks whose
 * fix gains the most points, each with what it is worth and how to fix it.
 */
export function NextSteps(props: { team: TeamReport; editUrl?: string }) {
  const { team, editUrl } = props;
  const classes = useStyles();
  const steps = useNextSteps(team);
  return (
    <Paper
      component="section"
      className={classes.root}
      aria-labelledby="team-insights-next-steps"
    >
      <Typography variant="h5" component="h2" id="team-insights-next-steps">
        Next steps
      </Typography>
      {steps.length === 0 ? (
        <Typography variant="body2">
          Nothing fails or warns: every scorecard check passes, is waived or
          does not apply.
        </Typography>
      ) : (
        <ol
          className={classes.list}
          aria-label={`Next steps for ${team.title}`}
        >
          {steps.map(step => {
            const scorecard = team.scorecards[step.scorecard];
            const levelChange =
              step.levelAfter && step.levelAfter !== scorecard.level
                ? LEVEL_LABELS[step.levelAfter].toLocaleLowerCase('en-US')
                : undefined;
            return (
              <li
                key={step.check.id}
                id={nextStepAnchor(step.check.id)}
                className={classes.item}
                tabIndex={-1}
              >
                <div className={classes.header}>
                  <Typography component="h3" variant="subtitle1">
                    <Link to={`#${checkAnchor(step.check.id)}`}>
                      {step.check.title}
                    </Link>
                  </Typography>
                  <StatusLabel status={step.check.status} />
                  <Typography variant="body2" className={classes.worth}>
                    +{step.points} {step.points === 1 ? 'point' : 'points'}
                    {levelChange ? `: ${levelChange}` : ''}
                  </Typography>
                  <Typography variant="body2">
                    {SCORECARD_TITLES[step.scorecard]} {scorecard.score ?? '—'}{' '}
                    → {step.scoreAfter}
                  </Typography>
                </div>
                <Typography variant="body2" className={classes.message}>
                  <TextWithRefs text={step.check.message} />
                </Typography>
                {step.check.remediation && (
                  <Remediation
                    checkTitle={step.check.title}
                    remediation={step.check.remediation}
                    editUrl={
                      ABOUT_OTHER_ENTITIES.has(step.check.id) ||
                      step.scorecard === 'documentation'
                        ? undefined
                        : editUrl
                    }
                  />
                )}
              </li>
            );
          })}
        </ol>
      )}
    </Paper>
  );
}
