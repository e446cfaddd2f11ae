import TableCell, { type TableCellProps } from '@material-ui/core/TableCell';

/**
 * The first cell of a body row, announced as the row's header (Material UI
 * would give a `th` in the body the role of a plain cell).
 */
export function RowHeaderCell(props: TableCellProps) {
  return <TableCell component="th" scope="row" role="rowheader" {...props} />;
}
