import type { CellRange } from "../src/addresses.ts";
import type { ChartInfo, Workbook } from "./workbook.ts";

/*
 * A chart's source range split as Excel splits it: one series a column (or
 * row), its first cell the series name; a first column (or row) of text holds
 * the categories. Both the workbench's drawing and the .xlsx chart parts use it.
 */

export interface ChartSeries {
  name: string;
  nameCell: CellRange;
  values: (number | null)[];
  valuesRange: CellRange;
}

export interface ChartData {
  categories: string[];
  categoriesRange: CellRange | undefined;
  series: ChartSeries[];
}

export function chartSeries(model: Workbook, chart: ChartInfo): ChartData {
  const { top, left, bottom, right } = chart.source;
  const values = model.values(chart.sheet, chart.source);
  const byColumns = chart.seriesBy === "Columns";
  const count = byColumns ? right - left + 1 : bottom - top + 1;
  const line = (i: number) => (byColumns ? values.map((row) => row[i]!) : values[i]!);
  const nameCell = (i: number): CellRange =>
    byColumns ? { top, bottom: top, left: left + i, right: left + i } : { top: top + i, bottom: top + i, left, right: left };
  const valuesRange = (i: number): CellRange =>
    byColumns ? { top: top + 1, bottom, left: left + i, right: left + i } : { top: top + i, bottom: top + i, left: left + 1, right };
  const hasCategories = count > 1 && typeof line(0)[1] !== "number";
  const first = hasCategories ? 1 : 0;
  const length = (byColumns ? bottom - top : right - left) as number;
  return {
    categories: hasCategories ? line(0).slice(1).map(String) : Array.from({ length }, (_, i) => String(i + 1)),
    categoriesRange: hasCategories ? valuesRange(0) : undefined,
    series: Array.from({ length: count - first }, (_, k) => {
      const i = k + first;
      const cells = line(i);
      return {
        name: String(cells[0] ?? `Series ${k + 1}`),
        nameCell: nameCell(i),
        values: cells.slice(1).map((v) => (typeof v === "number" ? v : null)),
        valuesRange: valuesRange(i),
      };
    }),
  };
}
