import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import type { CheckResult } from '@team-insights/plugin-team-insights-common';
import { rootRouteRef } from '../../routes';

/**
 * "Who else fails <check>?": opens the check's drill-down on the Checks tab of
 * the Team Insights page, with the teams in the same status (failing or
 * warning). Shows nothing for other checks, or where the page is not
 * mounted.
 */
export function WhoElseLink(props: { check: CheckResult }) {
  const { check } = props;
  let root: (() => string) | undefined;
  try {
    // eslint-disable-next-line react-hooks/rules-of-hooks
    root = useRouteRef(rootRouteRef);
  } catch {
    root = undefined;
  }
  if (!root || check.waived) return null;
  if (check.status !== 'fail' && check.status !== 'warn') return null;
  const params = new URLSearchParams({ check: check.id, status: check.status });
  return (
    // the visible text names the check, so that it is the accessible name
    // too (WCAG 2.5.3): a list of such links reads apart
    <Link to={`${root()}/checks?${params.toString()}`}>
      {check.status === 'fail' ? 'Who else fails' : 'Who else warns on'}{' '}
      {check.title}?
    </Link>
  );
}
