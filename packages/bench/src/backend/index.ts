/*
 * The bench backend: a real Backstage backend with the catalog (holding a
 * synthetic organisation), Team Insights, Tech Insights with its JSON rules
 * engine, permissions and guest sign-in. Started by `yarn bench` as a child
 * process with a generated config (see config.ts), so that its memory is
 * its own.
 */
import { createBackend } from '@backstage/backend-defaults';
import { benchCatalogModule } from './benchCatalogModule';
import { benchProbePlugin } from './benchProbePlugin';
import { recordingRootLoggerServiceFactory } from './recordingLogger';

const backend = createBackend();
backend.add(recordingRootLoggerServiceFactory);

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(benchCatalogModule);

backend.add(import('@team-insights/plugin-team-insights-backend'));

backend.add(import('@backstage-community/plugin-tech-insights-backend'));
backend.add(
  import('@backstage-community/plugin-tech-insights-backend-module-jsonfc'),
);

backend.add(benchProbePlugin);

backend.start().catch(error => {
  process.stderr.write(`bench backend failed to start: ${error}\n`);
  process.exit(1);
});
