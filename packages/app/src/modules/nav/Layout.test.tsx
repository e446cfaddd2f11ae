import { createTheme, ThemeProvider } from '@material-ui/core/styles';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { Layout } from './Layout';

// Pages in the new frontend system render no landmark of their own, while
// Backstage's Page (entity pages) renders a <main>: either way a screen
// reader finds exactly one main landmark.

function renderLayout(content: JSX.Element) {
  return render(
    <ThemeProvider theme={createTheme()}>
      <Layout nav={<nav aria-label="Sidebar" />} content={content} />
    </ThemeProvider>,
  );
}

describe('the app layout', () => {
  it('is the main landmark around a page without one', () => {
    renderLayout(<h1>Team Insights</h1>);
    const [main, ...others] = screen.getAllByRole('main');
    expect(others).toHaveLength(0);
    expect(main).toContainElement(screen.getByRole('heading'));
  });

  it('steps back when the page brings its own <main>, also once it renders later', async () => {
    let showEntityPage: () => void = () => {};
    function Routes() {
      const [entity, setEntity] = useState(false);
      showEntityPage = () => setEntity(true);
      return entity ? (
        <main>
          <h1>fraud-detection</h1>
        </main>
      ) : (
        <h1>Home</h1>
      );
    }
    renderLayout(<Routes />);
    expect(screen.getAllByRole('main')).toHaveLength(1);
    act(() => showEntityPage());
    // the layout hears of the new <main> from a MutationObserver, before
    // the browser paints again
    await waitFor(() => expect(screen.getAllByRole('main')).toHaveLength(1));
    const [main] = screen.getAllByRole('main');
    expect(main.tagName).toBe('MAIN');
    expect(main).toHaveTextContent('fraud-detection');
  });

  it('the skip link moves the focus to the page content', async () => {
    renderLayout(
      <main>
        <h1>fraud-detection</h1>
      </main>,
    );
    await userEvent.click(
      screen.getByRole('link', { name: 'Skip to content' }),
    );
    expect(document.activeElement).toContainElement(screen.getByRole('main'));
  });
});
