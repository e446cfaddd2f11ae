import { Progress } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import type {
  TeamAdoption,
  TeamDetails,
  TeamReport,
} from '@team-insights/plugin-team-insights-common';
import { humanizeId } from '../common';
import { DetailsError, Reason, Section, useTeamViewStyles } from './Section';
import { TeamProducts } from './TeamProducts';
import type { AsyncValue } from './useTeamDetails';

function RefList(props: {
  items: Array<{ entityRef: string; reason?: string }>;
  label: string;
  empty: string;
}) {
  const classes = useTeamViewStyles();
  if (props.items.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {props.empty}
      </Typography>
    );
  }
  return (
    <ul className={classes.list} aria-label={props.label}>
      {props.items.map(item => (
        <li key={item.entityRef}>
          <EntityRefLink entityRef={item.entityRef} />
          <Reason text={item.reason} />
        </li>
      ))}
    </ul>
  );
}

function RebuiltConcerns(props: {
  team: TeamReport;
  rebuilt: TeamAdoption['rebuilt'];
}) {
  const classes = useTeamViewStyles();
  if (props.rebuilt.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        The team rebuilds no concern that a product covers.
      </Typography>
    );
  }
  return (
    <ul
      className={classes.list}
      aria-label={`Concerns rebuilt by ${props.team.title}`}
    >
      {props.rebuilt.map(c => (
        <li key={c.concern}>
          <Typography variant="body2" component="span">
            {humanizeId(c.concern)}, offered as a product by{' '}
          </Typography>
          {c.products.map((ref, index) => (
            <span key={ref}>
              {index > 0 && ', '}
              <EntityRefLink entityRef={ref} />
            </span>
          ))}
        </li>
      ))}
    </ul>
  );
}

/** A feature or expertise team's adoption: used, declined, rebuilt. */
function TeamUsage(props: { team: TeamReport; adoption: TeamAdoption }) {
  const { team, adoption } = props;
  return (
    <>
      <Section title="Products used">
        <RefList
          items={adoption.used}
          label={`Products used by ${team.title}`}
          empty="The team uses no platform product."
        />
      </Section>
      <Section title="Products declined">
        <RefList
          items={adoption.declined}
          label={`Products declined by ${team.title}`}
          empty="The team has declined no product."
        />
      </Section>
      {adoption.mandatoryMissing.length > 0 && (
        <Section title="Mandatory products not used">
          <RefList
            items={adoption.mandatoryMissing}
            label={`Mandatory products ${team.title} does not use`}
            empty=""
          />
        </Section>
      )}
      <Section title="Concerns rebuilt">
        <RebuiltConcerns team={team} rebuilt={adoption.rebuilt} />
      </Section>
    </>
  );
}

/**
 * The adoption card's details: a centralized team's products and who
 * adopts them; for other teams, the products they use and declined, and the
 * concerns they rebuild next to a product.
 */
export function AdoptionDetails(props: {
  team: TeamReport;
  details: AsyncValue<TeamDetails>;
}) {
  const { team, details } = props;
  if (details.loading) return <Progress />;
  if (!details.value) {
    return <DetailsError what="Products and concerns" error={details.error} />;
  }
  if (team.teamType === 'centralized') {
    return (
      <TeamProducts team={team} products={details.value.adoption.products} />
    );
  }
  return <TeamUsage team={team} adoption={details.value.adoption} />;
}
