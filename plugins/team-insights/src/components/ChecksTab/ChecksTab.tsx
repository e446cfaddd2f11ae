import { Link, Progress, Table } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { CheckTally } from '@team-insights/plugin-team-insights-common';
import { useSearchParams } from 'react-router-dom';
import { ErrorPanel, ReportStatus, SCORECARD_TITLES } from '../common';
import { ViewContent } from '../common/ViewContent';
import { DrillDown, drillDownLink, statusFromParam } from './DrillDown';
import { useChecks } from './useChecks';

function CountLink(props: { tally: CheckTally; status: 'fail' | 'warn' }) {
  const { tally, status } = props;
  const count = tally.teams[status];
  if (count === 0) return <>0</>;
  return (
    <Link
      to={drillDownLink({ check: tally.id, status })}
      aria-label={`${count} ${count === 1 ? 'team' : 'teams'} ${
        status === 'fail' ? 'failing' : 'warning on'
      } ${tally.title}`}
    >
      {count}
    </Link>
  );
}

/** The check catalogue: every check with how many teams fail or warn. */
function CheckCatalogue() {
  const { value, loading, error } = useChecks();
  if (loading) return <Progress />;
  if (error) return <ErrorPanel error={error} />;
  if (!value) return null;
  return (
    <>
      <ReportStatus evaluatedAt={value.evaluatedAt} stale={value.stale} />
      <section aria-label="Checks">
        <Table<CheckTally>
          title="Checks"
          subtitle="Every check with the teams that fail or warn on it; open a check to see who and how to fix it"
          options={{
            paging: false,
            search: true,
            padding: 'dense',
            draggable: false,
          }}
          localization={{
            toolbar: {
              searchPlaceholder: 'Search checks',
              searchAriaLabel: 'Search checks',
            },
          }}
          columns={[
            {
              title: 'Check',
              field: 'title',
              highlight: true,
              render: tally => (
                <>
                  <Link to={drillDownLink({ check: tally.id })}>
                    {tally.title}
                  </Link>
                  <Typography
                    variant="caption"
                    color="textSecondary"
                    component="div"
                  >
                    {tally.id}
                  </Typography>
                </>
              ),
            },
            {
              title: 'Scorecard',
              field: 'scorecard',
              render: tally => SCORECARD_TITLES[tally.scorecard],
            },
            {
              title: 'Failing',
              field: 'teams.fail',
              type: 'numeric',
              render: tally => <CountLink tally={tally} status="fail" />,
            },
            {
              title: 'Warning',
              field: 'teams.warn',
              type: 'numeric',
              render: tally => <CountLink tally={tally} status="warn" />,
            },
            { title: 'Waived', field: 'teams.waived', type: 'numeric' },
            { title: 'Passing', field: 'teams.pass', type: 'numeric' },
          ]}
          data={value.checks}
        />
      </section>
    </>
  );
}

/**
 * The Checks tab: the check catalogue with how many teams fail or warn on
 * each check; a check opens its drill-down, every team with that check in a
 * status, filterable by organisational unit, with the remediation. The
 * drill-down lives in the URL (`?check=docs.techdocs&status=fail&orgUnit=`),
 * so a link shares it and Back returns to the catalogue.
 */
export function ChecksTab() {
  const [params] = useSearchParams();
  const check = params.get('check');
  return (
    <ViewContent gap={16}>
      {check ? (
        <DrillDown
          check={check}
          status={statusFromParam(params.get('status'))}
          orgUnit={params.get('orgUnit') || undefined}
        />
      ) : (
        <CheckCatalogue />
      )}
    </ViewContent>
  );
}
