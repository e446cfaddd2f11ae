import { screen } from '@testing-library/react';
import { renderWithApi } from '../../__testUtils__/renderWithApi';
import { ScoreLineChart, type ScorePoint } from './ScoreLineChart';

function points(days: string[]): ScorePoint[] {
  return days.map((day, i) => ({
    day,
    scorecard: 'composition' as const,
    score: 50 + i,
  }));
}

describe('ScoreLineChart', () => {
  it('says when history starts while it spans less than two weeks', async () => {
    await renderWithApi(
      <ScoreLineChart
        title="Team composition history"
        points={points(['2026-12-01', '2026-12-02', '2026-12-03'])}
      />,
    );
    expect(
      screen.getByText(/History starts on 2026-12-01/),
    ).toBeInTheDocument();
  });

  it('keeps quiet about weekly history that reaches back for months, however few its points', async () => {
    await renderWithApi(
      <ScoreLineChart
        title="Team composition history"
        points={points([
          '2026-09-07',
          '2026-10-05',
          '2026-11-02',
          '2026-11-30',
        ])}
      />,
    );
    expect(
      screen.getByRole('img', { name: /from 2026-09-07 to 2026-11-30/ }),
    ).toBeInTheDocument();
    expect(screen.queryByText(/History starts on/)).not.toBeInTheDocument();
  });
});
