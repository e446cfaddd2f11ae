import { createBackend } from '@backstage/backend-defaults';
import { teamInsightsDemoHistory } from './demoHistory';

const backend = createBackend();

// Serves the built frontend (packages/app) and its runtime config.
backend.add(import('@backstage/plugin-app-backend'));

// Sign-in: the guest provider only. See the README for real identity providers.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// The software catalog, with Team Insights' annotation validation.
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(
  import('@team-insights/plugin-catalog-backend-module-team-insights'),
);

// Permission framework. The allow-all policy suits the demo only: the README
// explains how to replace it with your organisation's policy.
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

// Team Insights scorecards, history and REST API.
backend.add(import('@team-insights/plugin-team-insights-backend'));
// An example custom check (composition.on-call); CI runs the same check with
// `team-insights score --checks`. Remove it, or add your own modules.
backend.add(
  import('@team-insights/plugin-team-insights-backend-module-example-checks'),
);

// Demo only: weeks of generated (not measured) history, so that the demo
// initiative's burn-up is not empty on a first start (app-config.yaml,
// teamInsightsDemo.historyFile).
backend.add(teamInsightsDemoHistory);

// Notifications and signals, which Team Insights uses to nudge teams, over
// the events bus.
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// Actions (e.g. Team Insights' scorecard look-ups) served over MCP.
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();
