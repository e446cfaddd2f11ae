import { ResponseError } from '@backstage/errors';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { ErrorPanel } from './ErrorPanel';

describe('ErrorPanel', () => {
  it('shows the status, the backend message and the request of a failed response, but no stack trace', async () => {
    const error = await ResponseError.fromResponse({
      ok: false,
      status: 403,
      statusText: 'Forbidden',
      url: 'http://127.0.0.1:7007/api/team-insights/v1/report',
      headers: new Headers({ 'content-type': 'application/json' }),
      text: async () =>
        JSON.stringify({
          error: {
            name: 'NotAllowedError',
            message: 'Missing permission team-insights.scorecards.read',
            stack:
              'NotAllowedError: Missing permission\n    at authorize (router.ts:42:11)',
          },
          request: { method: 'GET', url: '/v1/report' },
          response: { statusCode: 403 },
        }),
    } as unknown as Response);
    await renderWithApi(<ErrorPanel error={error} />);
    await userEvent.click(screen.getByRole('button', { expanded: false }));
    expect(screen.getByText('403: NotAllowedError')).toBeInTheDocument();
    expect(
      screen.getAllByText(/Missing permission team-insights.scorecards.read/)
        .length,
    ).toBeGreaterThan(0);
    expect(screen.getByText('GET /v1/report')).toBeInTheDocument();
    expect(screen.queryByText('Stack Trace')).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('router.ts:42');
  });

  it('shows a network failure by name and message only', async () => {
    await renderWithApi(
      <ErrorPanel error={new TypeError('Failed to fetch')} />,
    );
    await userEvent.click(screen.getByRole('button', { expanded: false }));
    expect(screen.getByText('TypeError')).toBeInTheDocument();
    expect(screen.queryByText('Stack Trace')).not.toBeInTheDocument();
  });
});
