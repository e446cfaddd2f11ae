import { useApi } from '@backstage/core-plugin-api';
import {
  addDays,
  type MoversResponse,
  type TrendsResponse,
} from '@team-insights/plugin-team-insights-common';
import useAsync from 'react-use/esm/useAsync';
import { teamInsightsApiRef } from '../../api';

/** The periods of the report card, in days. */
export const REPORT_CARD_RANGES = [7, 30] as const;

/** How far back the report card looks for the first stored day. */
const LOOK_BACK_DAYS = 365;

/** How many movers each list of the report card shows. */
const SHOWN = 5;

/** What the report card shows for one period. */
export interface ReportCardData {
  movers: MoversResponse;
  /**
   * The first stored day, when history starts inside the period (the
   * changes are counted from that day); `null` when nothing is stored yet.
   */
  historyStartsOn?: string | null;
}

function scoredDays(trends: TrendsResponse): string[] {
  return trends.points
    .filter(point => point.score !== null)
    .map(point => point.day)
    .sort();
}

/**
 * The report card's data: who moved most over `days` (`GET /movers`) and,
 * from the organisation's stored trend (`GET /trends`), whether history
 * reaches back to the start of the period. Only when the short window
 * does not reach back (history is short, or stored a week apart, as in the
 * demo) is the longer one read, to tell the two apart.
 */
export function useReportCard(days: (typeof REPORT_CARD_RANGES)[number]) {
  const api = useApi(teamInsightsApiRef);
  return useAsync(async (): Promise<ReportCardData> => {
    const [movers, recent] = await Promise.all([
      api.getMovers({ days }),
      api.getTrends({ days: days + 1 }),
    ]);
    const shown = {
      improved: movers.improved.slice(0, SHOWN),
      dropped: movers.dropped.slice(0, SHOWN),
    };
    const coversPeriod = (stored: string[]) =>
      stored.length > 0 &&
      stored[0] <= addDays(stored[stored.length - 1], -days);
    if (coversPeriod(scoredDays(recent))) {
      return { movers: shown };
    }
    const stored = scoredDays(await api.getTrends({ days: LOOK_BACK_DAYS }));
    if (stored.length === 0) {
      return { movers: shown, historyStartsOn: null };
    }
    return coversPeriod(stored)
      ? { movers: shown }
      : { movers: shown, historyStartsOn: stored[0] };
  }, [api, days]);
}
