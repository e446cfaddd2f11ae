import { useTheme } from '@material-ui/core/styles';
import type { SkillSupply as ClusterSupply } from '@team-insights/plugin-team-insights-common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

/** People per skill cluster, as bars, with a summary for screen readers. */
export function SupplyChart(props: { rows: ClusterSupply[] }) {
  const { rows } = props;
  const theme = useTheme();
  const summary = `Bar chart of people per skill cluster across the organisation: ${rows
    .map(r => `${r.title} ${r.people}`)
    .join(', ')}.`;
  return (
    <div role="img" aria-label={summary}>
      <ResponsiveContainer
        width="100%"
        height={Math.max(200, rows.length * 36)}
      >
        <BarChart
          data={rows}
          layout="vertical"
          margin={{ left: 24, right: 16 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="title" width={180} />
          <Tooltip />
          <Legend />
          <Bar
            dataKey="people"
            name="People holding it"
            fill={theme.palette.primary.main}
            isAnimationActive={false}
          />
          <Bar
            dataKey="primary"
            name="Primary cluster of"
            fill={theme.palette.secondary.main}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
