import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { teamInsightsApiRef } from '../../api';
import {
  AnnotateFirst,
  CheckList,
  FindingsList,
  LevelChip,
  ReportStatus,
  formatPercent,
  isNotFoundError,
  ErrorPanel,
} from '../common';

const EDIT_URL = 'backstage.io/edit-url';

/**
 * The documentation scorecard of a Component, API, Resource or System: its
 * score and level, the checklist and, for each failing check, the remediation
 * with copyable YAML and a link to edit the entity's catalog-info.yaml.
 * @public
 */
export function EntityDocumentationCard() {
  const { entity } = useEntity();
  const api = useApi(teamInsightsApiRef);
  const entityRef = stringifyEntityRef(entity);
  const editUrl = entity.metadata.annotations?.[EDIT_URL];
  const { value, loading, error } = useAsync(
    () => api.getEntityScorecards(entityRef),
    [api, entityRef],
  );

  let content;
  let action;
  if (loading) {
    content = <Progress />;
  } else if (error && isNotFoundError(error)) {
    content = <AnnotateFirst target="entity" />;
  } else if (error) {
    content = <ErrorPanel error={error} />;
  } else if (value && value.type === 'entity') {
    const scorecard = value.entity.scorecards.documentation;
    action = (
      <LevelChip
        level={scorecard.level}
        score={scorecard.score}
        size="medium"
      />
    );
    content = (
      <Box display="flex" flexDirection="column" gridGap={8}>
        <ReportStatus evaluatedAt={value.evaluatedAt} stale={value.stale} />
        {value.product && (
          <Typography variant="body2">
            Platform product{value.product.mandatory ? ' (mandatory)' : ''} ·{' '}
            {value.product.adopters.length}{' '}
            {value.product.adopters.length === 1 ? 'adopter' : 'adopters'} ·{' '}
            {formatPercent(value.product.adoptionRate)} of feature teams.
            Documentation is what makes a product self-service.
          </Typography>
        )}
        <CheckList
          label="Documentation checks"
          checks={scorecard.checks}
          editUrl={editUrl}
        />
        <FindingsList findings={value.findings} hideEntity />
      </Box>
    );
  } else if (value) {
    content = (
      <Typography variant="body2">
        This entity is scored as a team: see its Team Insights tab.
      </Typography>
    );
  }

  return (
    <InfoCard
      title="Documentation score"
      headerProps={action ? { action } : undefined}
    >
      {content}
    </InfoCard>
  );
}
