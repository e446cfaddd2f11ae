/** A column of a text table. */
export interface TextColumn {
  title: string;
  /** Narrowest the column may get when the table must shrink. */
  min: number;
  align?: 'left' | 'right';
  /** Colours a cell after padding (so that escape codes do not count). */
  style?: (text: string, row: number) => string;
}

const GAP = '  ';

function cut(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) {
    return text;
  }
  return width <= 1
    ? chars.slice(0, width).join('')
    : `${chars.slice(0, width - 1).join('')}…`;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const length = [...text].length;
  const fill = ' '.repeat(Math.max(0, width - length));
  return align === 'right' ? fill + text : text + fill;
}

/**
 * Renders rows as aligned columns no wider than `maxWidth`: when the
 * content is wider, the widest columns give way first (down to their
 * `min`), and cut cells end in `…`.
 */
export function renderTextTable(
  columns: TextColumn[],
  rows: string[][],
  maxWidth: number,
): string[] {
  const widths = columns.map((column, i) =>
    Math.max(
      [...column.title].length,
      ...rows.map(row => [...(row[i] ?? '')].length),
    ),
  );
  const total = () =>
    widths.reduce((sum, w) => sum + w, 0) + GAP.length * (columns.length - 1);
  while (total() > maxWidth) {
    let widest = -1;
    widths.forEach((w, i) => {
      if (w > columns[i].min && (widest < 0 || w > widths[widest])) {
        widest = i;
      }
    });
    if (widest < 0) {
      break;
    }
    widths[widest] -= 1;
  }
  const line = (cells: string[], styled: boolean, row: number) =>
    columns
      .map((column, i) => {
        const text = pad(
          cut(cells[i] ?? '', widths[i]),
          widths[i],
          column.align ?? 'left',
        );
        return styled && column.style ? column.style(text, row) : text;
      })
      .join(GAP)
      .trimEnd();
  return [
    line(
      columns.map(c => c.title),
      false,
      -1,
    ),
    ...rows.map((row, i) => line(row, true, i)),
  ];
}
