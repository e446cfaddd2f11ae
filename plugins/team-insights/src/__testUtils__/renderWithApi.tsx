import type { Entity } from '@backstage/catalog-model';
import { type RenderResult, within } from '@testing-library/react';
import { configApiRef, discoveryApiRef } from '@backstage/core-plugin-api';
import {
  MockConfigApi,
  TestApiProvider,
  renderInTestApp,
} from '@backstage/test-utils';
import {
  EntityProvider,
  catalogApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type { ReactElement } from 'react';
import { type TeamInsightsApi, teamInsightsApiRef } from '../api';
import { rootRouteRef } from '../routes';
import { MockTeamInsightsApi } from '../testing';

/** Renders an element in a test app with the Team Insights API provided. */
export async function renderWithApi(
  element: ReactElement,
  options: {
    api?: TeamInsightsApi;
    entity?: Entity;
    catalogEntities?: Entity[];
    routeEntries?: string[];
  } = {},
): Promise<RenderResult & { api: TeamInsightsApi }> {
  const api = options.api ?? new MockTeamInsightsApi();
  const content = options.entity ? (
    <EntityProvider entity={options.entity}>{element}</EntityProvider>
  ) : (
    element
  );
  const rendered = await renderInTestApp(
    <TestApiProvider
      apis={[
        [teamInsightsApiRef, api],
        [catalogApiRef, catalogApiMock({ entities: options.catalogEntities })],
        [
          discoveryApiRef,
          {
            getBaseUrl: async (pluginId: string) =>
              `http://localhost:7007/api/${pluginId}`,
          },
        ],
        [
          configApiRef,
          new MockConfigApi({ app: { baseUrl: 'http://localhost:3000' } }),
        ],
      ]}
    >
      {content}
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/team-insights': rootRouteRef,
      },
      routeEntries: options.routeEntries,
    },
  );
  return { ...rendered, api };
}

/** A catalog entity for the given ref, with an edit URL. */
export function entityFor(ref: string, spec: Entity['spec'] = {}): Entity {
  const [kind, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: kind.charAt(0).toLocaleUpperCase('en-US') + kind.slice(1),
    metadata: {
      name,
      namespace,
      annotations: {
        'backstage.io/edit-url': `https://git.example.com/ml/${name}/edit/main/catalog-info.yaml`,
      },
    },
    spec,
  };
}

/** An API call that never answers, to see the loading state. */
export function pending<T>(): Promise<T> {
  return new Promise<T>(() => {});
}

/**
 * Finds the code block (as highlighted by CodeSnippet, split into many
 * spans) whose text contains the given snippet.
 */
export async function findCode(
  container: HTMLElement,
  snippet: string,
): Promise<HTMLElement> {
  const matches = await within(container).findAllByText(
    (_content, element) =>
      element?.tagName === 'CODE' &&
      (element.textContent ?? '').includes(snippet),
  );
  return matches[0];
}

/**
 * Catches the files the page saves (an object URL clicked as a download
 * link): their names and text, in order. jsdom cannot navigate, so the
 * click itself is not performed.
 */
export function captureDownloads(): Array<{
  filename: string;
  text: () => Promise<string>;
}> {
  const blobs = new Map<string, Blob>();
  const downloads: Array<{ filename: string; text: () => Promise<string> }> =
    [];
  Object.assign(URL, {
    createObjectURL: (blob: Blob) => {
      const url = `blob:download-${blobs.size}`;
      blobs.set(url, blob);
      return url;
    },
    revokeObjectURL: () => {},
  });
  jest
    .spyOn(HTMLAnchorElement.prototype, 'click')
    .mockImplementation(function click(this: HTMLAnchorElement) {
      const blob = blobs.get(this.href);
      if (blob)
        downloads.push({ filename: this.download, text: () => blob.text() });
    });
  return downloads;
}
