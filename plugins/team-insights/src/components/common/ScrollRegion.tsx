import { makeStyles } from '@material-ui/core/styles';
import type { ReactNode } from 'react';

const useStyles = makeStyles(theme => {
  const paper = theme.palette.background.paper;
  const shade = theme.palette.type === 'dark' ? '255,255,255' : '0,0,0';
  return {
    root: {
      overflowX: 'auto',
      maxWidth: '100%',
      // absolutely placed content (visually hidden text) stays inside the
      // region instead of widening the page
      position: 'relative',
      // The scroll cue: a shade on the edge where more columns wait. The
      // paper-coloured covers scroll with the content ('local') and hide the
      // shade once that edge is reached ('scroll' keeps the shade in place).
      backgroundImage: [
        `linear-gradient(to right, ${paper} 30%, transparent)`,
        `linear-gradient(to left, ${paper} 30%, transparent)`,
        `radial-gradient(farthest-side at 0 50%, rgba(${shade},.25), transparent)`,
        `radial-gradient(farthest-side at 100% 50%, rgba(${shade},.25), transparent)`,
      ].join(', '),
      backgroundPosition:
        'left center, right center, left center, right center',
      backgroundRepeat: 'no-repeat',
      backgroundSize: '40px 100%, 40px 100%, 14px 100%, 14px 100%',
      backgroundAttachment: 'local, local, scroll, scroll',
      backgroundColor: paper,
      '&:focus-visible': {
        outline: `2px solid ${theme.palette.primary.main}`,
        outlineOffset: 2,
      },
      // Cells stay transparent so that the cue shows through them.
      '& table': { backgroundColor: 'transparent' },
    },
  };
});

/** Props of {@link ScrollRegion}. */
export interface ScrollRegionProps {
  /**
   * What the region holds, e.g. "Products"; screen readers hear it with
   * ", scrollable" after it.
   */
  label: string;
  children: ReactNode;
}

/**
 * A region that scrolls sideways when its content (a wide table) does not
 * fit: it takes keyboard focus so that keyboard users can scroll it (WCAG
 * 2.1.1), is a named landmark, and shades the edge where more content waits.
 */
export function ScrollRegion(props: ScrollRegionProps) {
  const classes = useStyles();
  return (
    <div
      className={classes.root}
      // A region that scrolls must take focus, or keyboard users cannot
      // scroll it (WCAG 2.1.1).
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      role="region"
      aria-label={`${props.label}, scrollable`}
    >
      {props.children}
    </div>
  );
}
