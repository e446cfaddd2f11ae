import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type {
  Finding,
  TeamReport,
} from '@team-insights/plugin-team-insights-common';
import { useEffect, useMemo } from 'react';
import { useLocation } from 'react-router-dom';
import {
  CodeBlock,
  FindingsList,
  HISTORY_RANGES,
  RangePicker,
  TEAM_TYPE_LABELS,
  useUrlRange,
} from '../common';
import { AdoptionDetails } from './AdoptionDetails';
import { NextSteps, nextStepAnchor, useNextSteps } from './NextSteps';
import { OwnedEntities } from './OwnedEntities';
import { ScorecardCard } from './ScorecardCard';
import { SkillClusters } from './SkillClusters';
import { useTeamDetails } from './useTeamDetails';
import { useTeamHistory } from './useTeamHistory';

/** Brings a linked check (`#check-…`, `#next-check-…`) into view and focus. */
function useFocusLinkedCheck(teamRef: string) {
  const { hash } = useLocation();
  useEffect(() => {
    // A link to one check (from the Overview's worst check): bring it into
    // view and move focus there, once the tab has rendered.
    if (!/^#(next-)?check-/.test(hash)) return;
    const target = document.getElementById(hash.slice(1));
    if (target) {
      target.scrollIntoView?.({ block: 'start' });
      target.focus({ preventScroll: true });
    }
  }, [hash, teamRef]);
}

/**
 * The three scorecards of one team, with their history over a period picked
 * from 30, 90 and 365 days (`?days=30`; 90 by default). Besides the
 * scorecards it was given, it makes two requests whatever the team owns:
 * the team's details and its history (one more for each period picked).
 */
export function TeamView(props: {
  team: TeamReport;
  findings: Finding[];
  editUrl?: string;
}) {
  const { team, findings, editUrl } = props;
  const [days, setDays] = useUrlRange(HISTORY_RANGES, 90);
  const points = useTeamHistory(team.entityRef, days);
  const details = useTeamDetails(team.entityRef);
  const steps = useNextSteps(team);
  const shownAt = useMemo(
    () =>
      new Map(
        steps.map(step => [step.check.id, nextStepAnchor(step.check.id)]),
      ),
    [steps],
  );
  useFocusLinkedCheck(team.entityRef);

  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      <Typography variant="body1">
        {TEAM_TYPE_LABELS[team.teamType]} · {team.size}{' '}
        {team.size === 1 ? 'person' : 'people'} · {team.communicationPaths}{' '}
        communication paths
        {team.parent && (
          <>
            {' '}
            · part of <EntityRefLink entityRef={team.parent} />
          </>
        )}
      </Typography>
      <NextSteps team={team} editUrl={editUrl} />
      {!team.teamTypeDeclared && (
        <Alert severity="info">
          This team does not declare its type, so it is evaluated as a feature
          team. Declare what it is:
          <CodeBlock
            label="YAML declaring the team type"
            text={`metadata:\n  annotations:\n    # feature | centralized | expertise\n    team-insights.io/team-type: feature\n`}
          />
        </Alert>
      )}
      <Box display="flex" justifyContent="flex-end">
        <RangePicker label="History period" value={days} onChange={setDays} />
      </Box>
      <ScorecardCard
        id="composition"
        team={team}
        history={points}
        editUrl={editUrl}
        remediationShownAt={shownAt}
      >
        <SkillClusters team={team} details={details} />
      </ScorecardCard>
      <ScorecardCard
        id="adoption"
        team={team}
        history={points}
        editUrl={editUrl}
        remediationShownAt={shownAt}
      >
        <AdoptionDetails team={team} details={details} />
      </ScorecardCard>
      <ScorecardCard
        id="documentation"
        team={team}
        history={points}
        remediationShownAt={shownAt}
      >
        <OwnedEntities team={team} details={details} />
      </ScorecardCard>
      <FindingsList findings={findings} />
    </Box>
  );
}
