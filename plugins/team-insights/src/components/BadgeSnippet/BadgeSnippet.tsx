import { InfoCard, Progress } from '@backstage/core-components';
import {
  configApiRef,
  discoveryApiRef,
  useApi,
  useRouteRef,
} from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import {
  SCORECARD_IDS,
  SCORECARD_TITLES,
  ScorecardId,
} from '@team-insights/plugin-team-insights-common';
import useAsync from 'react-use/esm/useAsync';
import { CodeBlock, ErrorPanel } from '../common';

/** Props of {@link BadgeSnippet}. @public */
export interface BadgeSnippetProps {
  /** Card title. Default "Badges for your README". */
  title?: string;
}

const altOf = (scorecard: ScorecardId) =>
  `Team Insights: ${SCORECARD_TITLES[scorecard].toLocaleLowerCase('en-US')}`;

/**
 * The Markdown of the three scorecard badges of the current Group, ready to
 * copy into a repository README: each badge shows the team's level and links
 * to its Team Insights tab. Badge URLs come from the discovery API, so they
 * point at the backend that serves them.
 *
 * @public
 */
export function BadgeSnippet(props: BadgeSnippetProps) {
  const { entity } = useEntity();
  const discoveryApi = useApi(discoveryApiRef);
  const configApi = useApi(configApiRef);
  const entityRoute = useRouteRef(entityRouteRef);
  const {
    value: baseUrl,
    loading,
    error,
  } = useAsync(() => discoveryApi.getBaseUrl('team-insights'), [discoveryApi]);
  const title = props.title ?? 'Badges for your README';

  if (loading) {
    return (
      <InfoCard title={title}>
        <Progress />
      </InfoCard>
    );
  }
  if (error || !baseUrl) {
    return (
      <ErrorPanel
        error={error ?? new Error('The Team Insights backend was not found')}
      />
    );
  }

  const kind = encodeURIComponent(entity.kind.toLocaleLowerCase('en-US'));
  const namespace = encodeURIComponent(entity.metadata.namespace ?? 'default');
  const name = encodeURIComponent(entity.metadata.name);
  const appBaseUrl = (configApi.getOptionalString('app.baseUrl') ?? '').replace(
    /\/+$/,
    '',
  );
  const tabUrl = `${appBaseUrl}${entityRoute(
    entityRouteParams(entity),
  )}/team-insights`;
  const markdown = SCORECARD_IDS.map(
    scorecard =>
      `[![${altOf(
        scorecard,
      )}](${baseUrl}/v1/badges/${kind}/${namespace}/${name}/${scorecard}.svg)](${tabUrl})`,
  ).join('\n');

  return (
    <InfoCard title={title}>
      <Typography variant="body2" paragraph>
        Paste these lines into your repository&apos;s README: each badge shows
        this team&apos;s level on a scorecard and links here, so that whoever
        reads the code sees what to improve without having to ask.
      </Typography>
      <CodeBlock text={markdown} language="markdown" label="Badge Markdown" />
      <Typography variant="body2" color="textSecondary">
        Code hosts fetch images without signing in to Backstage, so the badges
        only render there when your portal makes them public (ask its
        administrators about <code>teamInsights.badges.public</code>) and the
        entity opts in with the annotation{' '}
        <code>team-insights.io/public-badge: &quot;true&quot;</code>.
      </Typography>
    </InfoCard>
  );
}
