import { Link } from '@backstage/core-components';
import { CodeBlock } from './CodeBlock';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import EditIcon from '@material-ui/icons/Edit';
import { splitRemediation } from './remediation';
import { TextWithRefs } from './TextWithRefs';

const useStyles = makeStyles(theme => ({
  root: {
    marginTop: theme.spacing(1),
    paddingLeft: theme.spacing(1.5),
    borderLeft: `3px solid ${theme.palette.divider}`,
  },
  text: { whiteSpace: 'pre-line', marginBottom: theme.spacing(1) },
  code: { marginBottom: theme.spacing(1) },
  edit: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
  },
}));

/**
 * What to change to fix a check: the prose, and each fenced YAML snippet as a
 * code block with a copy button. When there is YAML to paste, links to the
 * entity's edit URL if it is known.
 */
export function Remediation(props: {
  /** The check the remediation is for, to name the region. */
  checkTitle: string;
  remediation: string;
  editUrl?: string;
}) {
  const { checkTitle, remediation, editUrl } = props;
  const classes = useStyles();
  const parts = splitRemediation(remediation);
  return (
    <Box
      component="section"
      className={classes.root}
      aria-label={`Remediation for ${checkTitle}`}
    >
      <Typography variant="overline" component="p">
        Remediation
      </Typography>
      {parts.map((part, index) =>
        part.type === 'text' ? (
          <Typography key={index} variant="body2" className={classes.text}>
            <TextWithRefs text={part.text} />
          </Typography>
        ) : (
          <div key={index} className={classes.code}>
            <CodeBlock
              text={part.code}
              language={part.language}
              label={`${part.language.toLocaleUpperCase(
                'en-US',
              )} for ${checkTitle}`}
            />
          </div>
        ),
      )}
      {editUrl && parts.some(part => part.type === 'code') && (
        <Typography variant="body2">
          <Link to={editUrl} className={classes.edit}>
            <EditIcon fontSize="small" aria-hidden />
            Edit catalog-info.yaml
          </Link>
        </Typography>
      )}
    </Box>
  );
}
