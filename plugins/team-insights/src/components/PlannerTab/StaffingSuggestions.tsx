import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type {
  PlanChange,
  StaffingPlan,
} from '@team-insights/plugin-team-insights-common';

/**
 * Staffing suggestions, each with the button that applies it: to the
 * planner's draft, or (outside the planner) a link that opens the planner
 * with it.
 */
export function StaffingSuggestions(props: {
  plan: StaffingPlan;
  actionLabel: string;
  onApply: (change: PlanChange) => void;
}) {
  const { plan } = props;
  if (!plan.suggestions.length) {
    return (
      <Typography>
        {plan.gapsBefore === 0
          ? 'Every team considered holds its required clusters, each with more than one person.'
          : 'No hire or move closes a gap without growing a team past its size limit or opening a gap elsewhere.'}
      </Typography>
    );
  }
  return (
    <>
      {plan.summary.map(line => (
        <Typography key={line} variant="body2">
          {line}.
        </Typography>
      ))}
      <List dense aria-label="Staffing suggestions">
        {plan.suggestions.map((s, index) => (
          <ListItem key={`${index}-${s.text}`}>
            <ListItemText primary={s.text} />
            <Button
              size="small"
              variant="outlined"
              onClick={() => props.onApply(s.change)}
            >
              {props.actionLabel}
            </Button>
          </ListItem>
        ))}
      </List>
      {plan.remaining.length > 0 && (
        <Typography variant="body2">
          Still open: {plan.remaining.length}{' '}
          {plan.remaining.length === 1 ? 'gap' : 'gaps'} no suggestion closes.
        </Typography>
      )}
    </>
  );
}
