/**
 * A chart's data as a table (see ChartTable.vue): what "show as table" renders in place of the chart. Built by a
 * pure function per kind of chart, in the chart's own order, with every value already formatted for the reader.
 */
export interface ChartTableColumn {
  key: string;
  label: string;
  /** Right-aligned, in tabular figures. */
  numeric?: boolean;
}

/** A cell: text as it is shown; a number as it is (ranks, years: no thousands separator); null for no value. */
export type ChartTableCell = string | number | null;

export interface ChartTableRow {
  key: string;
  /** One per column; the first is the row's header. */
  cells: ChartTableCell[];
  /** The row the chart marks (the own province, the selected unit, the year on screen): bold, with `highlightNote`. */
  highlight?: boolean;
}

export interface ChartTableData {
  caption: string;
  columns: ChartTableColumn[];
  rows: ChartTableRow[];
  /** The word after a highlighted row's header, so the mark is text and not only weight or colour. */
  highlightNote?: string;
}
