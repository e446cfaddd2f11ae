import { Progress } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { AnnotateFirst, ErrorPanel, ReportStatus } from '../common';
import { ViewContent } from '../common/ViewContent';
import { SkillsHeatmap } from './SkillsHeatmap';
import { StaffingSection } from './StaffingSection';
import { SupplyChart } from './SupplyChart';
import { SupplyTable } from './SupplyTable';
import { useSkills } from './useSkills';

/**
 * The Skills tab: the supply of each skill cluster across the organisation,
 * and which team holds which cluster, with required-but-missing cells marked.
 * Both come from `GET /skills`, over the teams the reader may see.
 */
export function SkillsTab() {
  const { value, loading, error } = useSkills();

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ErrorPanel error={error} />;
  }
  if (!value) {
    return null;
  }
  const supply = value.clusters;
  if (value.teams.length === 0) {
    return (
      <>
        <ReportStatus evaluatedAt={value.evaluatedAt} stale={value.stale} />
        <AnnotateFirst target="teams" />
      </>
    );
  }
  const held = supply.filter(row => row.people > 0 || row.missingIn > 0);
  return (
    <ViewContent>
      <ReportStatus evaluatedAt={value.evaluatedAt} stale={value.stale} />
      <section aria-labelledby="team-insights-supply">
        <Typography variant="h5" component="h2" id="team-insights-supply">
          Skill supply across the organisation
        </Typography>
        <Typography variant="body2" color="textSecondary" paragraph>
          Machine learning needs four skill clusters: data scientist, data
          engineer, site reliability engineer and analytics translator. Without
          an analytics translator, chances are a team solves the wrong problem.
        </Typography>
        <SupplyChart rows={held} />
        <SupplyTable rows={held} />
      </section>
      <section aria-labelledby="team-insights-heatmap">
        <Typography variant="h5" component="h2" id="team-insights-heatmap">
          Skills per team
        </Typography>
        <Typography variant="body2" color="textSecondary" paragraph>
          People per skill cluster in each team (members and declared head
          counts). A tick marks a cluster the team requires; “Missing” marks a
          required cluster nobody in the team holds.
        </Typography>
        <SkillsHeatmap teams={value.teams} clusters={supply} />
      </section>
      <StaffingSection />
    </ViewContent>
  );
}
