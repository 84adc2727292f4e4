import type { CellRange } from "../src/addresses.ts";
import type { CellInput } from "../xlsx/sheetCells.ts";
import type { TableGeometry } from "./structuredReferences.ts";

/* What the workbench's workbook holds beside its cells, as Excel's objects describe it: sheets, tables, names, charts, styles. */

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface SheetInfo {
  name: string;
  visibility: Visibility;
  /** How the sheet prints, where it was set: what Excel's Worksheet.pageLayout and the file's page setup hold. */
  pageSetup?: PageSetup;
  /** Protected (Review → Protect Sheet): the file's `<sheetProtection>` as written, kept whole (its password hash and what it allows) for saving. */
  protection?: string;
}

export interface PageSetup {
  orientation?: "Portrait" | "Landscape";
  /** Excel's PaperType names: "A4", "Letter" … */
  paperSize?: string;
  /** Fit to this many pages wide and tall. */
  fitToPagesWide?: number;
  fitToPagesTall?: number;
  /** Printed at this percent of actual size (10 to 400), where the page is not fitted to pages. */
  scale?: number;
  /** The print area, as "A1:P40". */
  printArea?: string;
  /** Rows and columns printed on every page, as Excel writes them ("$1:$2", "$A:$A"). */
  printTitleRows?: string;
  printTitleColumns?: string;
}

export interface TableInfo extends TableGeometry {
  style: string;
}

export interface NamedItemInfo {
  name: string;
  /** "=Plan!$A$1:$B$4", or a constant formula. */
  formula: string;
  comment: string;
  /** False for a name hidden from Name Manager (Excel's `hidden="1"`: another add-in's or a template's). */
  visible?: boolean;
}

export type ChartType = "ColumnClustered" | "BarClustered" | "Line" | "Pie" | "Area" | "ColumnStacked";

/** The cell formatting the Excel API's "format basics" set, and the grid shows. */
export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  color?: string;
  fill?: string;
  horizontalAlignment?: string;
}

export interface ChartInfo {
  id: string;
  name: string;
  sheet: string;
  type: ChartType;
  source: CellRange;
  seriesBy: "Columns" | "Rows";
  title: string;
  /** The cells the chart covers, as Chart.setPosition placed it; undefined: laid out below the sheet's cells. */
  anchor?: CellRange;
  /** Series fills set through the API, by series index: a colour (#RRGGBB), or "none" (ChartFill.clear: a waterfall's invisible base). */
  seriesFills?: Record<number, string>;
  /** Series drawn as a line over a column or bar chart (ChartSeries.chartType, Excel's combo chart), by series index. */
  seriesTypes?: Record<number, "Line">;
}

/** A cell's value as Excel's API reports it: numbers, text, booleans, "" for blank, "#CODE!" for errors. */
export type ExcelCellValue = number | string | boolean;

export interface CellError {
  code: string;
  message: string;
}

/** A literal value, or a formula starting with "=", as Range.formulas takes them. */
export type { CellInput };

export class WorkbookError extends Error {
  constructor(
    readonly code: "ItemNotFound" | "ItemAlreadyExists" | "InvalidArgument" | "InvalidOperation",
    message: string,
  ) {
    super(message);
  }
}
