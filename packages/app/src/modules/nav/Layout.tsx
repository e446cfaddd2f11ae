import { SidebarPage } from '@backstage/core-components';
import {
  coreExtensionData,
  createExtension,
  createExtensionInput,
} from '@backstage/frontend-plugin-api';
import { makeStyles } from '@material-ui/core/styles';
import {
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';

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

/**
 * Whether the element holds a `main` landmark of its own, kept up to date as
 * pages come and go: Backstage's `Page` renders a `<main>` (entity pages use
 * it), the new frontend system's pages (Team Insights, home) do not.
 */
function useHoldsMain(ref: RefObject<HTMLElement>): boolean {
  const [holds, setHolds] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const check = () =>
      setHolds(Boolean(element.querySelector('main, [role="main"]')));
    check();
    const observer = new MutationObserver(check);
    observer.observe(element, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [ref]);
  return holds;
}

/** The layout itself, exported for its test. */
export function Layout(props: { nav: ReactNode; content: ReactNode }) {
  const classes = useStyles();
  const content = useRef<HTMLDivElement>(null);
  // exactly one main landmark: this one, unless the page brings its own
  const holdsMain = useHoldsMain(content);
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
        <div
          ref={content}
          id={MAIN_ID}
          tabIndex={-1}
          role={holdsMain ? undefined : 'main'}
          className={classes.main}
        >
          {props.content}
        </div>
      </SidebarPage>
    </>
  );
}

/**
 * The app's layout: Backstage's sidebar page with a skip link as the first
 * thing a keyboard reaches, to the page content, which is the one `main`
 * landmark unless the page renders its own (then that one is).
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
