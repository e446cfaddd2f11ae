import { SidebarPage } from '@backstage/core-components';
import {
  coreExtensionData,
  createExtension,
  createExtensionInput,
} from '@backstage/frontend-plugin-api';
import { makeStyles } from '@material-ui/core/styles';
import type { ReactNode } from 'react';

const MAIN_ID = 'main-content';

const useStyles = makeStyles(theme => ({
  skip: {
    position: 'absolute',
    left: theme.spacing(1),
    top: -100,
    zIndex: theme.zIndex.tooltip + 1,
    padding: theme.spacing(1, 2),
    background: theme.palette.background.paper,
    color: theme.palette.text.primary,
    border: `2px solid ${theme.palette.primary.main}`,
    borderRadius: theme.shape.borderRadius,
    '&:focus': { top: theme.spacing(1) },
  },
  // a flex item as wide as the screen, never as wide as its widest table:
  // tables and the page's tab bar scroll inside it instead of the page
  main: {
    outline: 'none',
    minWidth: 0,
    flex: '1 1 auto',
    '& .bui-Tabs': { overflowX: 'auto', maxWidth: '100%' },
  },
}));

function Layout(props: { nav: ReactNode; content: ReactNode }) {
  const classes = useStyles();
  return (
    <>
      <a
        className={classes.skip}
        href={`#${MAIN_ID}`}
        onClick={event => {
          event.preventDefault();
          document.getElementById(MAIN_ID)?.focus();
        }}
      >
        Skip to content
      </a>
      <SidebarPage>
        {props.nav}
        <main id={MAIN_ID} tabIndex={-1} className={classes.main}>
          {props.content}
        </main>
      </SidebarPage>
    </>
  );
}

/**
 * The app's layout: Backstage's sidebar page with a skip link as the first
 * thing a keyboard reaches and the page content in a `<main>` landmark.
 */
export const AppLayout = createExtension({
  name: 'layout',
  attachTo: { id: 'app/root', input: 'children' },
  inputs: {
    nav: createExtensionInput([coreExtensionData.reactElement], {
      singleton: true,
    }),
    content: createExtensionInput([coreExtensionData.reactElement], {
      singleton: true,
    }),
  },
  output: [coreExtensionData.reactElement],
  factory: ({ inputs }) => [
    coreExtensionData.reactElement(
      <Layout
        nav={inputs.nav.get(coreExtensionData.reactElement)}
        content={inputs.content.get(coreExtensionData.reactElement)}
      />,
    ),
  ],
});
