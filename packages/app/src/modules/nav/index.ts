import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { AppLayout } from './Layout';
import { SidebarContent } from './Sidebar';

/** The portal's sidebar, and a layout with a skip link and `<main>`. */
export const navModule = createFrontendModule({
  pluginId: 'app',
  extensions: [SidebarContent, AppLayout],
});
