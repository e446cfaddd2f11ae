import TableCell from '@material-ui/core/TableCell';
import BlockIcon from '@material-ui/icons/Block';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import type { ProductAdoption } from '@team-insights/plugin-team-insights-common';
import { useAdoptionStyles } from './adoptionStyles';

export type Cell = 'adopted' | 'declined';

/** Whether a team adopted or declined a product, if either. */
export function cellOf(
  product: ProductAdoption,
  team: string,
): Cell | undefined {
  if (product.adopters.includes(team)) return 'adopted';
  if (product.declinedBy.includes(team)) return 'declined';
  return undefined;
}

const CELLS: Record<Cell, { Icon: typeof BlockIcon; text: string }> = {
  adopted: { Icon: CheckCircleIcon, text: 'Adopted' },
  declined: { Icon: BlockIcon, text: 'Declined' },
};

/** One cell of the adoption matrix: adopted, declined, or empty. */
export function AdoptionCell(props: {
  cell: Cell | undefined;
  product: string;
  team: string;
}) {
  const { cell, product, team } = props;
  const classes = useAdoptionStyles();
  // Neither adopted nor declined: an empty cell, so that the answers stand out.
  if (!cell) return <TableCell />;
  const { Icon, text } = CELLS[cell];
  return (
    <TableCell
      className={classes.cell}
      title={`${team}: ${text.toLocaleLowerCase('en-US')} ${product}`}
    >
      <span className={classes.inline}>
        <Icon fontSize="small" className={classes[cell]} aria-hidden />
        <span>{text}</span>
      </span>
    </TableCell>
  );
}
