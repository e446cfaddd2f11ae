import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { AppLayout } from './Layout';
import { SidebarContent } from './Sidebar';

/** The portal's sidebar, and a layout with a skip link and one `main` landmark. */
export const navModule = createFrontendModule({
  pluginId: 'app',
  extensions: [SidebarContent, AppLayout],
});
