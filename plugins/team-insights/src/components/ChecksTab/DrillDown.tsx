import { Link, Progress, Table } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Typography from '@material-ui/core/Typography';
import {
  BUILT_IN_CHECKS,
  DRILL_DOWN_STATUSES,
  type DrillDownStatus,
  type TeamSummary,
} from '@team-insights/plugin-team-insights-common';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { teamInsightsApiRef } from '../../api';
import {
  DownloadCsvButton,
  EntityTitleLink,
  ErrorPanel,
  Remediation,
  SCORECARD_TITLES,
  STATUS_LABELS,
  StatusLabel,
  TextWithRefs,
} from '../common';
import { OrgUnitPicker } from '../OverviewTab/OrgUnitPicker';

/** How many teams a drill-down shows at most (the CSV has them all). */
const LIMIT = 500;

/** Labels of the drill-down statuses. */
export const DRILL_DOWN_STATUS_LABELS: Record<DrillDownStatus, string> = {
  ...STATUS_LABELS,
  fail: 'Failing',
  warn: 'Warning',
  waived: 'Waived',
  pass: 'Passing',
};

/** The status of the URL, or undefined for any other value. */
export function statusFromParam(
  value: string | null,
): DrillDownStatus | undefined {
  return DRILL_DOWN_STATUSES.find(status => status === value);
}

/** The link (a search, relative to the Checks tab) of a drill-down. */
export function drillDownLink(query: {
  check: string;
  status?: DrillDownStatus;
  orgUnit?: string;
}): string {
  const params = new URLSearchParams({ check: query.check });
  if (query.status) params.set('status', query.status);
  if (query.orgUnit) params.set('orgUnit', query.orgUnit);
  return `?${params.toString()}`;
}

function Status(props: { row: TeamSummary }) {
  const check = props.row.check;
  if (!check) return null;
  if (check.status === 'waived') return <>{DRILL_DOWN_STATUS_LABELS.waived}</>;
  return <StatusLabel status={check.status} />;
}

function FoundAndFix(props: { row: TeamSummary }) {
  const check = props.row.check;
  if (!check) return null;
  const entities = check.entities ?? [];
  return (
    <>
      <Typography variant="body2">
        <TextWithRefs text={check.message} />
      </Typography>
      {entities.length > 0 && (
        <Box display="flex" flexWrap="wrap" gridGap={8} mt={0.5}>
          {entities.map(ref => (
            <EntityRefLink key={ref} entityRef={ref} />
          ))}
        </Box>
      )}
      {check.remediation && (
        <Remediation
          checkTitle={`${check.title} for ${props.row.title}`}
          remediation={check.remediation}
        />
      )}
    </>
  );
}

/**
 * Every team with a check in a status (any status when none is given),
 * below an organisational unit when one is given, with what was found and
 * how to fix it.
 */
export function DrillDown(props: {
  check: string;
  status?: DrillDownStatus;
  orgUnit?: string;
}) {
  const { check, status, orgUnit } = props;
  const api = useApi(teamInsightsApiRef);
  const [, setParams] = useSearchParams();
  const query = { check, status, orgUnit, sort: 'title' as const };
  const { value, loading, error } = useAsync(
    () => api.getTeams({ ...query, limit: LIMIT }),
    [api, check, status, orgUnit],
  );
  const info = BUILT_IN_CHECKS.find(c => c.id === check);
  const title = info?.title ?? value?.items[0]?.check?.title ?? check;
  const scorecard = info?.scorecard ?? value?.items[0]?.check?.scorecard;
  // each choice is a step that Back undoes
  const choose = (next: { status?: DrillDownStatus; orgUnit?: string }) =>
    setParams(drillDownLink({ check, status, orgUnit, ...next }).slice(1));

  return (
    <>
      <Box>
        <Link to="?">All checks</Link>
        <Typography variant="h5" component="h2">
          {status
            ? `${DRILL_DOWN_STATUS_LABELS[status]}: ${title}`
            : `Every team on: ${title}`}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {check}
          {scorecard ? ` · ${SCORECARD_TITLES[scorecard]}` : ''}
        </Typography>
        {info && <Typography variant="body1">{info.description}</Typography>}
      </Box>
      <Box display="flex" flexWrap="wrap" alignItems="center" gridGap={16}>
        <FormControl variant="outlined" size="small" style={{ minWidth: 180 }}>
          <InputLabel id="drill-down-status">Status</InputLabel>
          <Select
            labelId="drill-down-status"
            label="Status"
            value={status ?? ''}
            onChange={event =>
              choose({
                status: statusFromParam(String(event.target.value)),
              })
            }
          >
            <MenuItem value="">Any status</MenuItem>
            {DRILL_DOWN_STATUSES.map(s => (
              <MenuItem key={s} value={s}>
                {DRILL_DOWN_STATUS_LABELS[s]}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <Box minWidth={280}>
          <OrgUnitPicker
            value={orgUnit}
            onChange={ref => choose({ orgUnit: ref })}
          />
        </Box>
        <DownloadCsvButton
          load={() => api.getTeamsCsv(query)}
          filename={`teams-${check}${status ? `-${status}` : ''}.csv`}
        />
      </Box>
      {loading && <Progress />}
      {error && <ErrorPanel error={error} />}
      {value && (
        <section aria-label="Drill-down">
          <Table<TeamSummary>
            title={`${value.totalCount} ${
              value.totalCount === 1 ? 'team' : 'teams'
            }`}
            subtitle={
              value.totalCount > value.items.length
                ? `The first ${value.items.length}; the CSV has them all`
                : undefined
            }
            options={{
              paging: value.items.length > 20,
              pageSize: 20,
              search: false,
              padding: 'dense',
              draggable: false,
              sorting: false,
            }}
            localization={{
              body: {
                emptyDataSourceMessage: status
                  ? `No team you may see is ${DRILL_DOWN_STATUS_LABELS[
                      status
                    ].toLocaleLowerCase('en-US')} on this check.`
                  : 'No team you may see has this check.',
              },
            }}
            columns={[
              {
                title: 'Team',
                field: 'title',
                highlight: true,
                render: row => (
                  <EntityTitleLink
                    entityRef={row.entityRef}
                    title={row.title}
                    teamTab
                    checkId={check}
                  />
                ),
              },
              {
                title: 'Organisational unit',
                field: 'parent',
                render: row =>
                  row.orgUnits[0] ? (
                    <EntityRefLink entityRef={row.orgUnits[0]} hideIcon />
                  ) : (
                    '—'
                  ),
              },
              {
                title: 'Status',
                field: 'check.status',
                render: row => <Status row={row} />,
              },
              {
                title: 'What was found, and how to fix it',
                field: 'check.message',
                render: row => <FoundAndFix row={row} />,
              },
            ]}
            data={value.items}
          />
        </section>
      )}
    </>
  );
}
