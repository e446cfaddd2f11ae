import { createRouteRef } from '@backstage/core-plugin-api';

/** The Team Insights page. */
export const rootRouteRef = createRouteRef({ id: 'team-insights' });
