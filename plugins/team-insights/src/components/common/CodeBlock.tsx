import { CopyTextButton } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import type { ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  root: {
    position: 'relative',
    margin: theme.spacing(1, 0),
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    backgroundColor: theme.palette.background.default,
  },
  bar: {
    display: 'flex',
    justifyContent: 'flex-end',
    borderBottom: `1px solid ${theme.palette.divider}`,
    minHeight: theme.spacing(5),
  },
  pre: {
    margin: 0,
    padding: theme.spacing(1, 1.5),
    overflowX: 'auto',
    fontFamily: 'monospace',
    fontSize: '0.875rem',
    lineHeight: 1.5,
    color: theme.palette.text.primary,
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: -2,
    },
  },
  // Highlight colours come from the theme's text and primary palette, so
  // they keep the theme's contrast in light and dark mode.
  key: { color: theme.palette.primary.main, fontWeight: 600 },
  comment: { color: theme.palette.text.primary, fontStyle: 'italic' },
}));

const KEY = /^(\s*-?\s*)([^\s#:][^:#]*?)(:)(\s|$)(.*)$/;

function highlightLine(
  line: string,
  classes: ReturnType<typeof useStyles>,
): ReactNode {
  const comment = line.indexOf('#');
  const isComment = comment >= 0 && /^\s*(-\s*)?$/.test(line.slice(0, comment));
  if (isComment) {
    return (
      <>
        {line.slice(0, comment)}
        <span className={classes.comment}>{line.slice(comment)}</span>
      </>
    );
  }
  const match = KEY.exec(line);
  if (!match) return line;
  const [, indent, key, colon, space, rest] = match;
  return (
    <>
      {indent}
      <span className={classes.key}>{key}</span>
      {colon}
      {space}
      {rest}
    </>
  );
}

/**
 * A block of code (usually YAML for catalog-info.yaml) with a copy button
 * above it, never over it. Keys are highlighted with the theme's colours;
 * a block wider than the screen scrolls inside a focusable region so
 * keyboard users can scroll it too.
 */
export function CodeBlock(props: {
  text: string;
  /** Names the scrollable region, e.g. "YAML for Skill coverage". */
  label: string;
  language?: string;
}) {
  const { text, label, language = 'yaml' } = props;
  const classes = useStyles();
  const lines = text.replace(/\n$/, '').split('\n');
  return (
    <Box className={classes.root}>
      <div className={classes.bar}>
        <CopyTextButton text={text} />
      </div>
      <pre
        className={classes.pre}
        // A region that scrolls must take focus, or keyboard users cannot
        // scroll it (WCAG 2.1.1).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        role="region"
        aria-label={label}
        data-language={language}
      >
        <code className={`language-${language}`}>
          {lines.map((line, index) => (
            <span key={index}>
              {language === 'yaml' ? highlightLine(line, classes) : line}
              {index < lines.length - 1 ? '\n' : ''}
            </span>
          ))}
        </code>
      </pre>
    </Box>
  );
}
