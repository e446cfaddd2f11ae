import { InfoCard, Progress } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import type {
  ScorecardId,
  TeamReport,
} from '@team-insights/plugin-team-insights-common';
import type { ReactNode } from 'react';
import {
  CheckList,
  LevelChip,
  SCORECARD_DESCRIPTIONS,
  SCORECARD_TITLES,
  ScoreLineChart,
  type ScorePoint,
} from '../common';
import { Section } from './Section';

/** One of a team's scorecards: its details, its checks and its history. */
export function ScorecardCard(props: {
  id: ScorecardId;
  team: TeamReport;
  history: ScorePoint[] | undefined;
  editUrl?: string;
  children?: ReactNode;
  remediationShownAt: ReadonlyMap<string, string>;
}) {
  const { id, team, history, editUrl, children, remediationShownAt } = props;
  const scorecard = team.scorecards[id];
  return (
    <InfoCard
      title={SCORECARD_TITLES[id]}
      titleTypographyProps={{ component: 'h2' }}
      subheader={SCORECARD_DESCRIPTIONS[id]}
      headerProps={{
        action: (
          <LevelChip
            level={scorecard.level}
            score={scorecard.score}
            size="medium"
          />
        ),
      }}
    >
      <Grid container spacing={3}>
        <Grid item xs={12} lg={7}>
          {children}
          <Section title="Checks">
            <CheckList
              label={`Checks of ${SCORECARD_TITLES[id]}`}
              checks={scorecard.checks}
              editUrl={editUrl}
              foldSettled
              remediationShownAt={remediationShownAt}
              whoElse
            />
          </Section>
        </Grid>
        <Grid item xs={12} lg={5}>
          {history ? (
            <ScoreLineChart
              title={`${SCORECARD_TITLES[id]} history`}
              points={history}
              scorecards={[id]}
              headingComponent="h3"
            />
          ) : (
            <Progress />
          )}
        </Grid>
      </Grid>
    </InfoCard>
  );
}
