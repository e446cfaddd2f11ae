import Typography from '@material-ui/core/Typography';
import type { ProductAdoption } from '@team-insights/plugin-team-insights-common';
import { EntityTitleLink } from '../common';
import { useAdoptionStyles } from './adoptionStyles';

/** The teams that declined a product, each with its reason. */
export function Decliners(props: { product: ProductAdoption }) {
  const classes = useAdoptionStyles();
  const declined = props.product.declined ?? [];
  if (declined.length === 0) return <>—</>;
  return (
    <ul
      className={classes.decliners}
      aria-label={`Teams that declined ${props.product.title}`}
    >
      {declined.map(team => (
        <li key={team.teamRef}>
          <EntityTitleLink entityRef={team.teamRef} title={team.title} />
          {team.reason && (
            <Typography variant="caption" className={classes.reason}>
              “{team.reason}”
            </Typography>
          )}
        </li>
      ))}
    </ul>
  );
}
