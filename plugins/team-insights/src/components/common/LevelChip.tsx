import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import EmojiEventsIcon from '@material-ui/icons/EmojiEvents';
import RemoveCircleOutlineIcon from '@material-ui/icons/RemoveCircleOutline';
import StarIcon from '@material-ui/icons/Star';
import StarBorderIcon from '@material-ui/icons/StarBorder';
import StarHalfIcon from '@material-ui/icons/StarHalf';
import type { Level } from '@team-insights/plugin-team-insights-common';
import { LEVEL_LABELS } from './labels';

const useStyles = makeStyles(theme => ({
  gold: { borderColor: '#b8860b', '& svg': { color: '#b8860b' } },
  silver: { borderColor: '#7d8590', '& svg': { color: '#7d8590' } },
  bronze: { borderColor: '#a0522d', '& svg': { color: '#a0522d' } },
  none: {
    borderColor: theme.palette.error.main,
    '& svg': { color: theme.palette.error.main },
  },
  unscored: {},
}));

const ICONS: Record<Level, typeof StarIcon> = {
  gold: EmojiEventsIcon,
  silver: StarIcon,
  bronze: StarHalfIcon,
  none: StarBorderIcon,
};

/**
 * The level of a score as an icon plus text (never colour alone), e.g.
 * "Gold · 96".
 */
export function LevelChip(props: {
  level: Level | null | undefined;
  score?: number | null;
  size?: 'small' | 'medium';
}) {
  const { level, score, size = 'small' } = props;
  const classes = useStyles();
  if (!level) {
    return (
      <Chip
        size={size}
        variant="outlined"
        className={classes.unscored}
        icon={<RemoveCircleOutlineIcon aria-hidden />}
        label="Not scored"
      />
    );
  }
  const Icon = ICONS[level];
  const label =
    score === undefined || score === null
      ? LEVEL_LABELS[level]
      : `${LEVEL_LABELS[level]} · ${score}`;
  return (
    <Chip
      size={size}
      variant="outlined"
      className={classes[level]}
      icon={<Icon aria-hidden />}
      label={label}
    />
  );
}
