import { evaluate } from '../evaluate';
import type { CheckResult } from '../types';
import {
  api,
  component,
  group,
  NOW,
  resource,
  system,
  teamOf,
  user,
  withRelations,
} from '../testing/entities';

// What the documentation checks tell an owner, word for word, for each kind
// of entity and each way a check passes or fails, and what a team's
// documentation checks say about the entities it owns.

const view = ({ id, status, message, remediation, entities }: CheckResult) => ({
  id,
  status,
  message,
  remediation,
  entities,
});

// evaluated inside each test, so that mutation testing can tell which test
// covers which line
const org = () =>
  evaluate(
    withRelations([
      group('team', { teamType: 'feature' }),
      user('jdoe', { memberOf: ['team'] }),
      component('bare', {}),
      component('todo', { owner: 'team', description: 'TODO.' }),
      component('short', { owner: 'user:jdoe', description: 'Too short.' }),
      component('ghost-owned', {
        owner: 'nobody',
        description: 'A description long enough to pass.',
      }),
      component('sys-owned', { owner: 'system:ml', documented: true }),
      component('full', { owner: 'team', documented: true }),
      component('prod', { owner: 'team', documented: true, product: 'true' }),
      component('prod-api', {
        owner: 'team',
        documented: true,
        product: 'true',
        providesApis: ['api:prod-api'],
      }),
      api('prod-api', { owner: 'team', documented: true }),
      api('thin', {
        owner: 'team',
        documented: true,
        definition: 'openapi: 3.0.0',
      }),
      api('nodef', { owner: 'team', documented: true, definition: '' }),
      resource('db', { owner: 'team', documented: true }),
      system('ml', { owner: 'team', documented: true }),
    ]),
    { now: NOW },
  );

const checksOf = (ref: string) =>
  org()
    .entities.find(e => e.entityRef === ref)!
    .scorecards.documentation.checks.map(view);

describe('what the documentation checks say', () => {
  it('api:default/nodef', () => {
    expect(checksOf('api:default/nodef')).toEqual([
      {
        id: 'docs.description',
        status: 'pass',
        message: 'Described in 50 characters.',
      },
      {
        id: 'docs.owner',
        status: 'pass',
        message: 'Owned by group:default/team.',
        entities: ['group:default/team'],
      },
      {
        id: 'docs.techdocs',
        status: 'pass',
        message: 'TechDocs: dir:..',
      },
      {
        id: 'docs.source',
        status: 'pass',
        message: 'Source: url:https://example.com/repo/tree/main/.',
      },
      {
        id: 'docs.lifecycle',
        status: 'pass',
        message: 'Lifecycle: production.',
      },
      {
        id: 'docs.system',
        status: 'pass',
        message: 'Part of system ml.',
      },
      {
        id: 'docs.links',
        status: 'pass',
        message: '1 link.',
      },
      {
        id: 'docs.tags',
        status: 'pass',
        message: '1 tag.',
      },
      {
        id: 'docs.api-definition',
        status: 'fail',
        message: 'No `spec.definition`: the API can only be learned by asking.',
        remediation:
          'Publish the full definition (OpenAPI, AsyncAPI, GraphQL, gRPC), e.g. from the repository:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: nodef\nspec:\n  type: openapi\n  owner: team\n  system: ml\n  definition:\n    $text: ./openapi.yaml # placeholder: its path, next to catalog-info.yaml\n```',
      },
      {
        id: 'docs.provides-api',
        status: 'not-applicable',
        message: 'Only Component products provide APIs.',
      },
    ]);
  });

  it('api:default/prod-api', () => {
    expect(checksOf('api:default/prod-api')).toEqual([
      {
        id: 'docs.description',
        status: 'pass',
        message: 'Described in 53 characters.',
      },
      {
        id: 'docs.owner',
        status: 'pass',
        message: 'Owned by group:default/team.',
        entities: ['group:default/team'],
      },
      {
        id: 'docs.techdocs',
        status: 'pass',
        message: 'TechDocs: dir:..',
      },
      {
        id: 'docs.source',
        status: 'pass',
        message: 'Source: url:https://example.com/repo/tree/main/.',
      },
      {
        id: 'docs.lifecycle',
        status: 'pass',
        message: 'Lifecycle: production.',
      },
      {
        id: 'docs.system',
        status: 'pass',
        message: 'Part of system ml.',
      },
      {
        id: 'docs.links',
        status: 'pass',
        message: '1 link.',
      },
      {
        id: 'docs.tags',
        status: 'pass',
        message: '1 tag.',
      },
      {
        id: 'docs.api-definition',
        status: 'pass',
        message: 'The definition has 135 characters.',
      },
      {
        id: 'docs.provides-api',
        status: 'not-applicable',
        message: 'Only Component products provide APIs.',
      },
    ]);
  });

  it('api:default/thin', () => {
    expect(checksOf('api:default/thin')).toEqual([
      {
        id: 'docs.description',
        status: 'pass',
        message: 'Described in 49 characters.',
      },
      {
        id: 'docs.owner',
        status: 'pass',
        message: 'Owned by group:default/team.',
        entities: ['group:default/team'],
      },
      {
        id: 'docs.techdocs',
        status: 'pass',
        message: 'TechDocs: dir:..',
      },
      {
        id: 'docs.source',
        status: 'pass',
        message: 'Source: url:https://example.com/repo/tree/main/.',
      },
      {
        id: 'docs.lifecycle',
        status: 'pass',
        message: 'Lifecycle: production.',
      },
      {
        id: 'docs.system',
        status: 'pass',
        message: 'Part of system ml.',
      },
      {
        id: 'docs.links',
        status: 'pass',
        message: '1 link.',
      },
      {
        id: 'docs.tags',
        status: 'pass',
        message: '1 tag.',
      },
      {
        id: 'docs.api-definition',
        status: 'fail',
        message:
          'The definition has 14 characters, fewer than 100: too short to learn the API from.',
        remediation:
          'Publish the full definition (OpenAPI, AsyncAPI, GraphQL, gRPC), e.g. from the repository:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: thin\nspec:\n  type: openapi\n  owner: team\n  system: ml\n  definition:\n    $text: ./openapi.yaml # placeholder: its path, next to catalog-info.yaml\n```',
      },
      {
        id: 'docs.provides-api',
        status: 'not-applicable',
        message: 'Only Component products provide APIs.',
      },
    ]);
  });

  it('component:default/bare', () => {
    expect(checksOf('component:default/bare')).toEqual([
      {
        id: 'docs.description',
        status: 'fail',
        message: 'No description.',
        remediation:
          'Say in a sentence or two what it is for and who uses it, so other teams need not ask:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: bare\n  description: <your-description> # placeholder: what it is for and who uses it\nspec:\n  type: service\n```',
      },
      {
        id: 'docs.owner',
        status: 'fail',
        message: 'No `spec.owner`.',
        remediation:
          'Make a team the owner:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: bare\nspec:\n  type: service\n  owner: <your-team> # placeholder: the ref of the owning Group\n```',
      },
      {
        id: 'docs.techdocs',
        status: 'fail',
        message: 'No TechDocs: readers have to ask the owning team.',
        remediation:
          'Publish docs next to the code (a docs/ folder and mkdocs.yml) and point to them:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: bare\n  annotations:\n    backstage.io/techdocs-ref: dir:.\nspec:\n  type: service\n```',
      },
      {
        id: 'docs.source',
        status: 'fail',
        message: 'No source location: readers cannot find the code.',
        remediation:
          'Register the entity from its repository (a `url:` location), or point to the code:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: bare\n  annotations:\n    backstage.io/source-location: url:https://<your-git-host>/<your-org>/<your-repo>/tree/main/ # placeholder: the folder of the code in its repository\nspec:\n  type: service\n```',
      },
      {
        id: 'docs.lifecycle',
        status: 'fail',
        message:
          'No `spec.lifecycle`: readers cannot tell whether it is experimental, in production or deprecated.',
        remediation:
          '```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: bare\nspec:\n  type: service\n  lifecycle: <your-lifecycle> # placeholder: production, experimental or deprecated\n```',
      },
      {
        id: 'docs.system',
        status: 'fail',
        message: 'No `spec.system`: readers cannot see what it belongs to.',
        remediation:
          '```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: bare\nspec:\n  type: service\n  system: <your-system> # placeholder: the System it belongs to\n```',
      },
      {
        id: 'docs.links',
        status: 'fail',
        message: 'No links to dashboards, runbooks or support channels.',
        remediation:
          '```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: bare\n  links:\n    - url: <your-dashboard-url> # placeholder: a dashboard, runbook or support channel\n      title: Dashboard\n      icon: dashboard\nspec:\n  type: service\n```',
      },
      {
        id: 'docs.tags',
        status: 'fail',
        message: 'No tags: the entity is harder to find in catalog search.',
        remediation:
          '```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: bare\n  tags:\n    - <your-tag> # placeholder: lower-case words people search for: language, framework, domain\nspec:\n  type: service\n```',
      },
      {
        id: 'docs.api-definition',
        status: 'not-applicable',
        message: 'Only APIs have a definition.',
      },
      {
        id: 'docs.provides-api',
        status: 'not-applicable',
        message: 'Not a platform product.',
      },
    ]);
  });

  it('component:default/full', () => {
    expect(checksOf('component:default/full')).toEqual([
      {
        id: 'docs.description',
        status: 'pass',
        message: 'Described in 49 characters.',
      },
      {
        id: 'docs.owner',
        status: 'pass',
        message: 'Owned by group:default/team.',
        entities: ['group:default/team'],
      },
      {
        id: 'docs.techdocs',
        status: 'pass',
        message: 'TechDocs: dir:..',
      },
      {
        id: 'docs.source',
        status: 'pass',
        message: 'Source: url:https://example.com/repo/tree/main/.',
      },
      {
        id: 'docs.lifecycle',
        status: 'pass',
        message: 'Lifecycle: production.',
      },
      {
        id: 'docs.system',
        status: 'pass',
        message: 'Part of system ml.',
      },
      {
        id: 'docs.links',
        status: 'pass',
        message: '1 link.',
      },
      {
        id: 'docs.tags',
        status: 'pass',
        message: '1 tag.',
      },
      {
        id: 'docs.api-definition',
        status: 'not-applicable',
        message: 'Only APIs have a definition.',
      },
      {
        id: 'docs.provides-api',
        status: 'not-applicable',
        message: 'Not a platform product.',
      },
    ]);
  });

  it('component:default/ghost-owned', () => {
    expect(checksOf('component:default/ghost-owned')).toEqual([
      {
        id: 'docs.description',
        status: 'pass',
        message: 'Described in 34 characters.',
      },
      {
        id: 'docs.owner',
        status: 'fail',
        message:
          "The owner 'nobody' does not resolve to an entity in the catalog.",
        remediation:
          'Check the kind, namespace and name of the owner. Make a team the owner:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ghost-owned\nspec:\n  type: service\n  owner: group:default/nobody\n```',
        entities: ['group:default/nobody'],
      },
      {
        id: 'docs.techdocs',
        status: 'fail',
        message: 'No TechDocs: readers have to ask the owning team.',
        remediation:
          'Publish docs next to the code (a docs/ folder and mkdocs.yml) and point to them:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ghost-owned\n  annotations:\n    backstage.io/techdocs-ref: dir:.\nspec:\n  type: service\n  owner: nobody\n```',
      },
      {
        id: 'docs.source',
        status: 'fail',
        message: 'No source location: readers cannot find the code.',
        remediation:
          'Register the entity from its repository (a `url:` location), or point to the code:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ghost-owned\n  annotations:\n    backstage.io/source-location: url:https://<your-git-host>/<your-org>/<your-repo>/tree/main/ # placeholder: the folder of the code in its repository\nspec:\n  type: service\n  owner: nobody\n```',
      },
      {
        id: 'docs.lifecycle',
        status: 'fail',
        message:
          'No `spec.lifecycle`: readers cannot tell whether it is experimental, in production or deprecated.',
        remediation:
          '```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ghost-owned\nspec:\n  type: service\n  owner: nobody\n  lifecycle: <your-lifecycle> # placeholder: production, experimental or deprecated\n```',
      },
      {
        id: 'docs.system',
        status: 'fail',
        message: 'No `spec.system`: readers cannot see what it belongs to.',
        remediation:
          '```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ghost-owned\nspec:\n  type: service\n  owner: nobody\n  system: <your-system> # placeholder: the System it belongs to\n```',
      },
      {
        id: 'docs.links',
        status: 'fail',
        message: 'No links to dashboards, runbooks or support channels.',
        remediation:
          '```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ghost-owned\n  links:\n    - url: <your-dashboard-url> # placeholder: a dashboard, runbook or support channel\n      title: Dashboard\n      icon: dashboard\nspec:\n  type: service\n  owner: nobody\n```',
      },
      {
        id: 'docs.tags',
        status: 'fail',
        message: 'No tags: the entity is harder to find in catalog search.',
        remediation:
          '```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ghost-owned\n  tags:\n    - <your-tag> # placeholder: lower-case words people search for: language, framework, domain\nspec:\n  type: service\n  owner: nobody\n```',
      },
      {
        id: 'docs.api-definition',
        status: 'not-applicable',
        message: 'Only APIs have a definition.',
      },
      {
        id: 'docs.provides-api',
        status: 'not-applicable',
        message: 'Not a platform product.',
      },
    ]);
  });

  it('component:default/prod', () => {
    expect(checksOf('component:default/prod')).toEqual([
      {
        id: 'docs.description',
        status: 'pass',
        message: 'Described in 49 characters.',
      },
      {
        id: 'docs.owner',
        status: 'pass',
        message: 'Owned by group:default/team.',
        entities: ['group:default/team'],
      },
      {
        id: 'docs.techdocs',
        status: 'pass',
        message: 'TechDocs: dir:..',
      },
      {
        id: 'docs.source',
        status: 'pass',
        message: 'Source: url:https://example.com/repo/tree/main/.',
      },
      {
        id: 'docs.lifecycle',
        status: 'pass',
        message: 'Lifecycle: production.',
      },
      {
        id: 'docs.system',
        status: 'pass',
        message: 'Part of system ml.',
      },
      {
        id: 'docs.links',
        status: 'pass',
        message: '1 link.',
      },
      {
        id: 'docs.tags',
        status: 'pass',
        message: '1 tag.',
      },
      {
        id: 'docs.api-definition',
        status: 'not-applicable',
        message: 'Only APIs have a definition.',
      },
      {
        id: 'docs.provides-api',
        status: 'fail',
        message:
          'The product provides no API: teams can only use it by asking its team.',
        remediation:
          "Self-service means tools or APIs to automate everything that previously required communication. Describe the product's API as an API entity and provide it:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: prod\nspec:\n  type: service\n  owner: team\n  system: ml\n  providesApis:\n    - prod-api\n```",
      },
    ]);
  });

  it('component:default/prod-api', () => {
    expect(checksOf('component:default/prod-api')).toEqual([
      {
        id: 'docs.description',
        status: 'pass',
        message: 'Described in 53 characters.',
      },
      {
        id: 'docs.owner',
        status: 'pass',
        message: 'Owned by group:default/team.',
        entities: ['group:default/team'],
      },
      {
        id: 'docs.techdocs',
        status: 'pass',
        message: 'TechDocs: dir:..',
      },
      {
        id: 'docs.source',
        status: 'pass',
        message: 'Source: url:https://example.com/repo/tree/main/.',
      },
      {
        id: 'docs.lifecycle',
        status: 'pass',
        message: 'Lifecycle: production.',
      },
      {
        id: 'docs.system',
        status: 'pass',
        message: 'Part of system ml.',
      },
      {
        id: 'docs.links',
        status: 'pass',
        message: '1 link.',
      },
      {
        id: 'docs.tags',
        status: 'pass',
        message: '1 tag.',
      },
      {
        id: 'docs.api-definition',
        status: 'not-applicable',
        message: 'Only APIs have a definition.',
      },
      {
        id: 'docs.provides-api',
        status: 'pass',
        message: 'Provides 1 API: api:default/prod-api.',
        entities: ['api:default/prod-api'],
      },
    ]);
  });

  it('component:default/short', () => {
    expect(checksOf('component:default/short')).toEqual([
      {
        id: 'docs.description',
        status: 'fail',
        message: 'The description has 10 characters, fewer than 20.',
        remediation:
          'Say in a sentence or two what it is for and who uses it, so other teams need not ask:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: short\n  description: <your-description> # placeholder: what it is for and who uses it\nspec:\n  type: service\n  owner: user:jdoe\n```',
      },
      {
        id: 'docs.owner',
        status: 'warn',
        message:
          'Owned by a person, user:default/jdoe: when they move on, nobody owns it.',
        remediation:
          'Ownership by a team avoids single points of failure. Make a team the owner:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: short\nspec:\n  type: service\n  owner: group:default/team\n```',
        entities: ['user:default/jdoe'],
      },
      {
        id: 'docs.techdocs',
        status: 'fail',
        message: 'No TechDocs: readers have to ask the owning team.',
        remediation:
          'Publish docs next to the code (a docs/ folder and mkdocs.yml) and point to them:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: short\n  annotations:\n    backstage.io/techdocs-ref: dir:.\nspec:\n  type: service\n  owner: user:jdoe\n```',
      },
      {
        id: 'docs.source',
        status: 'fail',
        message: 'No source location: readers cannot find the code.',
        remediation:
          'Register the entity from its repository (a `url:` location), or point to the code:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: short\n  annotations:\n    backstage.io/source-location: url:https://<your-git-host>/<your-org>/<your-repo>/tree/main/ # placeholder: the folder of the code in its repository\nspec:\n  type: service\n  owner: user:jdoe\n```',
      },
      {
        id: 'docs.lifecycle',
        status: 'fail',
        message:
          'No `spec.lifecycle`: readers cannot tell whether it is experimental, in production or deprecated.',
        remediation:
          '```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: short\nspec:\n  type: service\n  owner: user:jdoe\n  lifecycle: <your-lifecycle> # placeholder: production, experimental or deprecated\n```',
      },
      {
        id: 'docs.system',
        status: 'fail',
        message: 'No `spec.system`: readers cannot see what it belongs to.',
        remediation:
          '```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: short\nspec:\n  type: service\n  owner: user:jdoe\n  system: <your-system> # placeholder: the System it belongs to\n```',
      },
      {
        id: 'docs.links',
        status: 'fail',
        message: 'No links to dashboards, runbooks or support channels.',
        remediation:
          '```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: short\n  links:\n    - url: <your-dashboard-url> # placeholder: a dashboard, runbook or support channel\n      title: Dashboard\n      icon: dashboard\nspec:\n  type: service\n  owner: user:jdoe\n```',
      },
      {
        id: 'docs.tags',
        status: 'fail',
        message: 'No tags: the entity is harder to find in catalog search.',
        remediation:
          '```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: short\n  tags:\n    - <your-tag> # placeholder: lower-case words people search for: language, framework, domain\nspec:\n  type: service\n  owner: user:jdoe\n```',
      },
      {
        id: 'docs.api-definition',
        status: 'not-applicable',
        message: 'Only APIs have a definition.',
      },
      {
        id: 'docs.provides-api',
        status: 'not-applicable',
        message: 'Not a platform product.',
      },
    ]);
  });

  it('component:default/sys-owned', () => {
    expect(checksOf('component:default/sys-owned')).toEqual([
      {
        id: 'docs.description',
        status: 'pass',
        message: 'Described in 54 characters.',
      },
      {
        id: 'docs.owner',
        status: 'fail',
        message: 'The owner system:default/ml is a system, not a Group.',
        remediation:
          'Make a team the owner:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: sys-owned\nspec:\n  type: service\n  system: ml\n  owner: <your-team> # placeholder: the ref of the owning Group\n```',
        entities: ['system:default/ml'],
      },
      {
        id: 'docs.techdocs',
        status: 'pass',
        message: 'TechDocs: dir:..',
      },
      {
        id: 'docs.source',
        status: 'pass',
        message: 'Source: url:https://example.com/repo/tree/main/.',
      },
      {
        id: 'docs.lifecycle',
        status: 'pass',
        message: 'Lifecycle: production.',
      },
      {
        id: 'docs.system',
        status: 'pass',
        message: 'Part of system ml.',
      },
      {
        id: 'docs.links',
        status: 'pass',
        message: '1 link.',
      },
      {
        id: 'docs.tags',
        status: 'pass',
        message: '1 tag.',
      },
      {
        id: 'docs.api-definition',
        status: 'not-applicable',
        message: 'Only APIs have a definition.',
      },
      {
        id: 'docs.provides-api',
        status: 'not-applicable',
        message: 'Not a platform product.',
      },
    ]);
  });

  it('component:default/todo', () => {
    expect(checksOf('component:default/todo')).toEqual([
      {
        id: 'docs.description',
        status: 'fail',
        message: "The description 'TODO.' is a placeholder.",
        remediation:
          'Say in a sentence or two what it is for and who uses it, so other teams need not ask:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: todo\n  description: <your-description> # placeholder: what it is for and who uses it\nspec:\n  type: service\n  owner: team\n```',
      },
      {
        id: 'docs.owner',
        status: 'pass',
        message: 'Owned by group:default/team.',
        entities: ['group:default/team'],
      },
      {
        id: 'docs.techdocs',
        status: 'fail',
        message: 'No TechDocs: readers have to ask the owning team.',
        remediation:
          'Publish docs next to the code (a docs/ folder and mkdocs.yml) and point to them:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: todo\n  annotations:\n    backstage.io/techdocs-ref: dir:.\nspec:\n  type: service\n  owner: team\n```',
      },
      {
        id: 'docs.source',
        status: 'fail',
        message: 'No source location: readers cannot find the code.',
        remediation:
          'Register the entity from its repository (a `url:` location), or point to the code:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: todo\n  annotations:\n    backstage.io/source-location: url:https://<your-git-host>/<your-org>/<your-repo>/tree/main/ # placeholder: the folder of the code in its repository\nspec:\n  type: service\n  owner: team\n```',
      },
      {
        id: 'docs.lifecycle',
        status: 'fail',
        message:
          'No `spec.lifecycle`: readers cannot tell whether it is experimental, in production or deprecated.',
        remediation:
          '```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: todo\nspec:\n  type: service\n  owner: team\n  lifecycle: <your-lifecycle> # placeholder: production, experimental or deprecated\n```',
      },
      {
        id: 'docs.system',
        status: 'fail',
        message: 'No `spec.system`: readers cannot see what it belongs to.',
        remediation:
          '```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: todo\nspec:\n  type: service\n  owner: team\n  system: ml # as the other entities of group:default/team\n```',
      },
      {
        id: 'docs.links',
        status: 'fail',
        message: 'No links to dashboards, runbooks or support channels.',
        remediation:
          '```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: todo\n  links:\n    - url: <your-dashboard-url> # placeholder: a dashboard, runbook or support channel\n      title: Dashboard\n      icon: dashboard\nspec:\n  type: service\n  owner: team\n```',
      },
      {
        id: 'docs.tags',
        status: 'fail',
        message: 'No tags: the entity is harder to find in catalog search.',
        remediation:
          '```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: todo\n  tags:\n    - <your-tag> # placeholder: lower-case words people search for: language, framework, domain\nspec:\n  type: service\n  owner: team\n```',
      },
      {
        id: 'docs.api-definition',
        status: 'not-applicable',
        message: 'Only APIs have a definition.',
      },
      {
        id: 'docs.provides-api',
        status: 'not-applicable',
        message: 'Not a platform product.',
      },
    ]);
  });

  it('resource:default/db', () => {
    expect(checksOf('resource:default/db')).toEqual([
      {
        id: 'docs.description',
        status: 'pass',
        message: 'Described in 47 characters.',
      },
      {
        id: 'docs.owner',
        status: 'pass',
        message: 'Owned by group:default/team.',
        entities: ['group:default/team'],
      },
      {
        id: 'docs.techdocs',
        status: 'pass',
        message: 'TechDocs: dir:..',
      },
      {
        id: 'docs.source',
        status: 'pass',
        message: 'Source: url:https://example.com/repo/tree/main/.',
      },
      {
        id: 'docs.lifecycle',
        status: 'not-applicable',
        message: 'A Resource has no lifecycle.',
      },
      {
        id: 'docs.system',
        status: 'pass',
        message: 'Part of system ml.',
      },
      {
        id: 'docs.links',
        status: 'pass',
        message: '1 link.',
      },
      {
        id: 'docs.tags',
        status: 'pass',
        message: '1 tag.',
      },
      {
        id: 'docs.api-definition',
        status: 'not-applicable',
        message: 'Only APIs have a definition.',
      },
      {
        id: 'docs.provides-api',
        status: 'not-applicable',
        message: 'Only Component products provide APIs.',
      },
    ]);
  });

  it('system:default/ml', () => {
    expect(checksOf('system:default/ml')).toEqual([
      {
        id: 'docs.description',
        status: 'pass',
        message: 'Described in 47 characters.',
      },
      {
        id: 'docs.owner',
        status: 'pass',
        message: 'Owned by group:default/team.',
        entities: ['group:default/team'],
      },
      {
        id: 'docs.techdocs',
        status: 'pass',
        message: 'TechDocs: dir:..',
      },
      {
        id: 'docs.source',
        status: 'pass',
        message: 'Source: url:https://example.com/repo/tree/main/.',
      },
      {
        id: 'docs.lifecycle',
        status: 'not-applicable',
        message: 'A System has no lifecycle.',
      },
      {
        id: 'docs.system',
        status: 'not-applicable',
        message: 'A System is not part of a system.',
      },
      {
        id: 'docs.links',
        status: 'pass',
        message: '1 link.',
      },
      {
        id: 'docs.tags',
        status: 'pass',
        message: '1 tag.',
      },
      {
        id: 'docs.api-definition',
        status: 'not-applicable',
        message: 'Only APIs have a definition.',
      },
      {
        id: 'docs.provides-api',
        status: 'not-applicable',
        message: 'Only Component products provide APIs.',
      },
    ]);
  });

  it("the team's checks: the pass rate over what it owns, and what fails", () => {
    expect(
      teamOf(org(), 'team').scorecards.documentation.checks.map(view),
    ).toEqual([
      {
        id: 'docs.description',
        status: 'warn',
        message:
          '8 of 9 owned entities pass (89 %); failing: component:default/todo.',
        remediation:
          'Fix it on each failing entity; their documentation scorecards say what is missing.\n\nThe fix for component:default/todo:\n\nSay in a sentence or two what it is for and who uses it, so other teams need not ask:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: todo\n  description: <your-description> # placeholder: what it is for and who uses it\nspec:\n  type: service\n  owner: team\n```',
        entities: ['component:default/todo'],
      },
      {
        id: 'docs.owner',
        status: 'pass',
        message: '9 of 9 owned entities pass (100 %).',
      },
      {
        id: 'docs.techdocs',
        status: 'warn',
        message:
          '8 of 9 owned entities pass (89 %); failing: component:default/todo.',
        remediation:
          'Fix it on each failing entity; their documentation scorecards say what is missing.\n\nThe fix for component:default/todo:\n\nPublish docs next to the code (a docs/ folder and mkdocs.yml) and point to them:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: todo\n  annotations:\n    backstage.io/techdocs-ref: dir:.\nspec:\n  type: service\n  owner: team\n```',
        entities: ['component:default/todo'],
      },
      {
        id: 'docs.source',
        status: 'warn',
        message:
          '8 of 9 owned entities pass (89 %); failing: component:default/todo.',
        remediation:
          'Fix it on each failing entity; their documentation scorecards say what is missing.\n\nThe fix for component:default/todo:\n\nRegister the entity from its repository (a `url:` location), or point to the code:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: todo\n  annotations:\n    backstage.io/source-location: url:https://<your-git-host>/<your-org>/<your-repo>/tree/main/ # placeholder: the folder of the code in its repository\nspec:\n  type: service\n  owner: team\n```',
        entities: ['component:default/todo'],
      },
      {
        id: 'docs.lifecycle',
        status: 'warn',
        message:
          '6 of 7 owned entities pass (86 %); failing: component:default/todo.',
        remediation:
          'Fix it on each failing entity; their documentation scorecards say what is missing.\n\nThe fix for component:default/todo:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: todo\nspec:\n  type: service\n  owner: team\n  lifecycle: <your-lifecycle> # placeholder: production, experimental or deprecated\n```',
        entities: ['component:default/todo'],
      },
      {
        id: 'docs.system',
        status: 'warn',
        message:
          '7 of 8 owned entities pass (88 %); failing: component:default/todo.',
        remediation:
          'Fix it on each failing entity; their documentation scorecards say what is missing.\n\nThe fix for component:default/todo:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: todo\nspec:\n  type: service\n  owner: team\n  system: ml # as the other entities of group:default/team\n```',
        entities: ['component:default/todo'],
      },
      {
        id: 'docs.links',
        status: 'warn',
        message:
          '8 of 9 owned entities pass (89 %); failing: component:default/todo.',
        remediation:
          'Fix it on each failing entity; their documentation scorecards say what is missing.\n\nThe fix for component:default/todo:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: todo\n  links:\n    - url: <your-dashboard-url> # placeholder: a dashboard, runbook or support channel\n      title: Dashboard\n      icon: dashboard\nspec:\n  type: service\n  owner: team\n```',
        entities: ['component:default/todo'],
      },
      {
        id: 'docs.tags',
        status: 'warn',
        message:
          '8 of 9 owned entities pass (89 %); failing: component:default/todo.',
        remediation:
          'Fix it on each failing entity; their documentation scorecards say what is missing.\n\nThe fix for component:default/todo:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: todo\n  tags:\n    - <your-tag> # placeholder: lower-case words people search for: language, framework, domain\nspec:\n  type: service\n  owner: team\n```',
        entities: ['component:default/todo'],
      },
      {
        id: 'docs.api-definition',
        status: 'fail',
        message:
          '1 of 3 owned entities pass (33 %); failing: api:default/nodef and api:default/thin.',
        remediation:
          'Fix it on each failing entity; their documentation scorecards say what is missing.\n\nThe fix for api:default/nodef:\n\nPublish the full definition (OpenAPI, AsyncAPI, GraphQL, gRPC), e.g. from the repository:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: nodef\nspec:\n  type: openapi\n  owner: team\n  system: ml\n  definition:\n    $text: ./openapi.yaml # placeholder: its path, next to catalog-info.yaml\n```',
        entities: ['api:default/nodef', 'api:default/thin'],
      },
      {
        id: 'docs.provides-api',
        status: 'warn',
        message:
          '1 of 2 owned entities pass (50 %); failing: component:default/prod.',
        remediation:
          "Fix it on each failing entity; their documentation scorecards say what is missing.\n\nThe fix for component:default/prod:\n\nSelf-service means tools or APIs to automate everything that previously required communication. Describe the product's API as an API entity and provide it:\n\n```yaml\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: prod\nspec:\n  type: service\n  owner: team\n  system: ml\n  providesApis:\n    - prod-api\n```",
        entities: ['component:default/prod'],
      },
    ]);
  });
});
