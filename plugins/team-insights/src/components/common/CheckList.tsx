import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ScheduleIcon from '@material-ui/icons/Schedule';
import {
  BUILT_IN_CHECKS,
  type CheckResult,
  type CheckStatus,
} from '@team-insights/plugin-team-insights-common';
import { Remediation } from './Remediation';
import { StatusLabel } from './StatusLabel';
import { STATUS_LABELS } from './labels';
import { checkAnchor } from './EntityTitleLink';
import { TextWithRefs } from './TextWithRefs';
import { WhoElseLink } from './WhoElseLink';
import type { ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    padding: theme.spacing(1.5, 0),
    borderBottom: `1px solid ${theme.palette.divider}`,
    '&:last-child': { borderBottom: 'none' },
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  title: { fontWeight: theme.typography.fontWeightBold as number },
  message: { whiteSpace: 'pre-line', marginTop: theme.spacing(0.5) },
  entities: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    marginTop: theme.spacing(0.5),
  },
  waived: { marginTop: theme.spacing(0.5) },
  folded: {
    marginTop: theme.spacing(1),
    '& > summary': {
      cursor: 'pointer',
      padding: theme.spacing(1, 0),
      ...theme.typography.body2,
      fontWeight: theme.typography.fontWeightBold as number,
    },
  },
  meta: { color: theme.palette.text.primary },
  why: {
    marginTop: theme.spacing(0.5),
    '& > summary': {
      cursor: 'pointer',
      color: theme.palette.text.secondary,
      ...theme.typography.body2,
    },
  },
}));

const RATIONALES = new Map(BUILT_IN_CHECKS.map(c => [c.id, c.rationale]));

const ORDER: Record<CheckStatus, number> = {
  fail: 0,
  warn: 1,
  pass: 3,
  'not-applicable': 4,
};

/** A waived check counts as a pass: after the active problems, before passes. */
function rank(check: CheckResult): number {
  return check.waived ? 2 : ORDER[check.status];
}

/**
 * Checks whose remediation changes another entity's file (a member's User
 * entity), so the edit link of the entity shown would mislead.
 */
export const ABOUT_OTHER_ENTITIES: ReadonlySet<string> = new Set([
  'composition.annotations-valid',
  'composition.skills-declared',
]);

/** A check that still costs points: failing or warning, not waived. */
function isOpen(check: CheckResult): boolean {
  return !check.waived && (check.status === 'fail' || check.status === 'warn');
}

/** "12 passing, 3 not applicable" (waived checks count as passing). */
function settledSummary(settled: readonly CheckResult[]): string {
  const na = settled.filter(
    c => !c.waived && c.status === 'not-applicable',
  ).length;
  const passing = settled.length - na;
  return [
    passing > 0 ? `${passing} passing` : '',
    na > 0 ? `${na} not applicable` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** Active failures first, then warnings, waived checks, passes. */
export function sortChecks(checks: readonly CheckResult[]): CheckResult[] {
  return checks
    .map((check, index) => ({ check, index }))
    .sort((a, b) => rank(a.check) - rank(b.check) || a.index - b.index)
    .map(({ check }) => check);
}

/**
 * The checklist of a scorecard: each check's status (icon and text), what was
 * found, a waiver if any, the entities it names and, for failing and warning
 * checks, the remediation with copyable YAML.
 */
export function CheckList(props: {
  /** Accessible name of the list, e.g. "Checks of Team composition". */
  label: string;
  checks: readonly CheckResult[];
  editUrl?: string;
  /** Caps the entity links per check. */
  maxEntities?: number;
  /** Folds passing, waived and not-applicable checks behind one summary. */
  foldSettled?: boolean;
  /**
   * Checks whose remediation is already shown elsewhere on the page (the
   * next steps), with the anchor of that place; they link there instead.
   */
  remediationShownAt?: ReadonlyMap<string, string>;
  /**
   * Links each failing or warning check to its drill-down on the Team
   * Insights page: the other teams in the same status.
   */
  whoElse?: boolean;
}) {
  const {
    label,
    checks,
    editUrl,
    maxEntities = 10,
    foldSettled,
    remediationShownAt,
    whoElse,
  } = props;
  const classes = useStyles();
  if (checks.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No checks apply.
      </Typography>
    );
  }
  const sorted = sortChecks(checks);
  const open = sorted.filter(isOpen);
  const settled = sorted.filter(check => !isOpen(check));
  const renderList = (list: CheckResult[], listLabel: string): ReactNode => (
    <ul className={classes.list} aria-label={listLabel}>
      {list.map(check => {
        const entities = check.entities ?? [];
        return (
          <li
            key={check.id}
            id={checkAnchor(check.id)}
            className={classes.item}
            tabIndex={-1}
          >
            <div className={classes.header}>
              <StatusLabel status={check.status} />
              <Typography component="span" className={classes.title}>
                {check.title}
              </Typography>
              {check.waived && (
                <Chip
                  size="small"
                  variant="outlined"
                  icon={<ScheduleIcon aria-hidden />}
                  label={`Waived until ${check.waived.until}`}
                />
              )}
              <Typography
                component="span"
                variant="caption"
                className={classes.meta}
              >
                weight {check.weight} · {check.id}
              </Typography>
            </div>
            <Typography variant="body2" className={classes.message}>
              <TextWithRefs text={check.message} />
            </Typography>
            {whoElse && isOpen(check) && (
              <Typography variant="body2" className={classes.waived}>
                <WhoElseLink check={check} />
              </Typography>
            )}
            {check.waived && (
              <Typography
                variant="body2"
                color="textSecondary"
                className={classes.waived}
              >
                Waived until {check.waived.until}: {check.waived.reason}. It
                counts as a pass until then; its real status is{' '}
                {STATUS_LABELS[check.status].toLocaleLowerCase('en-US')}.
              </Typography>
            )}
            {entities.length > 0 && (
              <Box className={classes.entities}>
                {entities.slice(0, maxEntities).map(ref => (
                  <EntityRefLink key={ref} entityRef={ref} />
                ))}
                {entities.length > maxEntities && (
                  <Typography variant="body2" color="textSecondary">
                    and {entities.length - maxEntities} more
                  </Typography>
                )}
              </Box>
            )}
            {RATIONALES.has(check.id) && check.status !== 'not-applicable' && (
              <details className={classes.why}>
                <summary>Why it matters</summary>
                <Typography variant="body2">
                  {RATIONALES.get(check.id)}
                </Typography>
              </details>
            )}
            {(check.status === 'fail' || check.status === 'warn') &&
              check.remediation &&
              remediationShownAt?.has(check.id) && (
                <Typography variant="body2" className={classes.waived}>
                  <Link to={`#${remediationShownAt.get(check.id)}`}>
                    How to fix it: see next steps
                  </Link>
                </Typography>
              )}
            {(check.status === 'fail' || check.status === 'warn') &&
              check.remediation &&
              !remediationShownAt?.has(check.id) && (
                <Remediation
                  checkTitle={check.title}
                  remediation={check.remediation}
                  editUrl={
                    ABOUT_OTHER_ENTITIES.has(check.id) ? undefined : editUrl
                  }
                />
              )}
          </li>
        );
      })}
    </ul>
  );
  if (!foldSettled || settled.length === 0 || open.length === 0) {
    return renderList(sorted, label);
  }
  return (
    <>
      {renderList(open, label)}
      <details className={classes.folded}>
        <summary>{settledSummary(settled)}</summary>
        {renderList(settled, `${label}: passing and not applicable`)}
      </details>
    </>
  );
}
