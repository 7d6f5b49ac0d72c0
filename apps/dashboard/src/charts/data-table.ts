import { csvField } from '@klik/csv';

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

/**
 * CSV (comma, CRLF, header row) with full-precision numbers: the table shows rounded ones. Fields follow the
 * formula rule of `@klik/csv` by column: numbers of numeric columns as they are, every text cell (labels included)
 * with a leading apostrophe, and quoted, when it starts with =, +, -, @, tab or carriage return.
 */
export function dataTableToCsv(table: DataTable): string {
  const numeric = table.columns.map((c) => c.numeric === true);
  const lines = [
    table.columns.map((c) => csvField(c.label)),
    ...table.rows.map((row) => row.map((cell, i) => csvField(cell, { numeric: numeric[i] }))),
  ];
  return lines.map((fields) => fields.join(',')).join('\r\n') + '\r\n';
}
