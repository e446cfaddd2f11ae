import { EmptyState } from '@backstage/core-components';
import { CodeBlock } from './CodeBlock';
import Box from '@material-ui/core/Box';

/** What a team's catalog-info.yaml needs before Team Insights can score it. */
export function teamYaml(name = 'search-ranking'): string {
  return `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: ${name}
  annotations:
    # feature | centralized | expertise
    team-insights.io/team-type: feature
    # people who are not modelled as Users: cluster=count
    team-insights.io/skills: analytics-translator=1
spec:
  type: team
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: a-team-member
  annotations:
    # the skill clusters this person brings, primary first
    team-insights.io/skills: data-scientist, data-engineer
spec:
  memberOf: [${name}]
`;
}

const ENTITY_YAML = `metadata:
  description: What this does and who it is for, in a sentence or two.
  annotations:
    backstage.io/techdocs-ref: dir:.
spec:
  owner: group:default/your-team
`;

const CONCERN_YAML = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: recs-monitoring
  annotations:
    # the cross-cutting concern this entity addresses
    team-insights.io/concern: monitoring
spec:
  type: service
  owner: group:default/recommendations
`;

const YAML = {
  teams: undefined,
  group: undefined,
  entity: ENTITY_YAML,
  concerns: CONCERN_YAML,
};

const COPY = {
  teams: {
    title: 'No teams evaluated yet',
    description:
      'Team Insights scores Groups that are teams: Groups of spec.type team, or Groups that declare their team type. Start by annotating each team with its type, then give each member their skill clusters, primary first.',
  },
  group: {
    title: 'This group has not been evaluated yet',
    description:
      'A Group is scored as a team when its spec.type is team or when it declares team-insights.io/team-type; an organisational unit gets a roll-up once a team below it is scored. Annotate the team first:',
  },
  concerns: {
    title: 'No cross-cutting concerns declared yet',
    description:
      'When several teams do the same mundane task over and over (monitoring, batch scheduling), it becomes economical to handle it centrally. Mark what each entity addresses, on the feature teams’ own entities and on the centralized teams’ products alike:',
  },
  entity: {
    title: 'No documentation scorecard for this entity yet',
    description:
      'Components, APIs, Resources and Systems are scored the next time the catalog is evaluated. These fields weigh the most: a description, an owning Group and TechDocs.',
  },
};

/**
 * The empty state of every view: says what to annotate first, with the YAML
 * to paste into catalog-info.yaml.
 */
export function AnnotateFirst(props: {
  target: 'teams' | 'group' | 'entity' | 'concerns';
  /** Name used in the Group example. */
  name?: string;
}) {
  const { target, name } = props;
  const copy = COPY[target];
  return (
    <EmptyState
      missing="info"
      title={copy.title}
      description={copy.description}
      action={
        <Box maxWidth={640}>
          <CodeBlock
            text={YAML[target] ?? teamYaml(name)}
            label="YAML to add to catalog-info.yaml"
          />
        </Box>
      }
    />
  );
}
