/** The numbers behind a chart, shown as a table and downloadable as CSV. */
export type Cell = string | number | null;

export interface DataTableColumn {
  key: string;
  label: string;
  /** Numeric columns are right-aligned and formatted with the interface language. */
  numeric?: boolean;
  /** Decimals shown in the table (the CSV keeps full precision); 2 unless given. */
  decimals?: number;
  /** p-values: three decimals and "< 0.001" below that. */
  pValue?: boolean;
}

export interface DataTable {
  columns: readonly DataTableColumn[];
  rows: readonly (readonly Cell[])[];
}

function csvField(cell: Cell): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? (Number.isFinite(cell) ? String(cell) : '') : cell;
  // RFC 4180: quote fields holding a separator, quote or line break; double embedded quotes.
  // A leading =, +, - or @ is prefixed with ' so a spreadsheet never runs a cell as a formula.
  const safe = typeof cell === 'string' && /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV (comma, CRLF, header row) with full-precision numbers: the table shows rounded ones. */
export function dataTableToCsv(table: DataTable): string {
  const lines = [table.columns.map((c) => csvField(c.label)), ...table.rows.map((row) => row.map(csvField))];
  return lines.map((fields) => fields.join(',')).join('\r\n') + '\r\n';
}
