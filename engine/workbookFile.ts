import ExcelJS from "exceljs";
import type { RawCellContent } from "hyperformula";

/*
 * Reads an .xlsx file into what HyperFormula takes: each sheet as rows of raw
 * contents (numbers, text, booleans, "=formulas"). Text that looks like a
 * number stays text: HyperFormula would read "5" as 5, so it gets Excel's
 * leading apostrophe.
 */

export interface WorkbookContents {
  sheets: Record<string, RawCellContent[][]>;
}

type ExcelValue = ExcelJS.CellValue;

function rawContent(cell: ExcelJS.Cell): RawCellContent {
  const value: ExcelValue = cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return /^\s*[-+]?[\d.]/.test(value) || value.startsWith("=") ? `'${value}` : value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const formula = cell.formula;
    if (formula) return `=${formula}`;
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("error" in value) return value.error as string;
    if ("text" in value) return String(value.text);
    if ("result" in value) return (value.result as RawCellContent) ?? null;
  }
  return String(value);
}

export async function readWorkbookFile(path: string): Promise<WorkbookContents> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheets: Record<string, RawCellContent[][]> = {};
  workbook.eachSheet((worksheet) => {
    const rows: RawCellContent[][] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: RawCellContent[] = [];
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        cells[columnNumber - 1] = rawContent(cell);
      });
      rows[rowNumber - 1] = Array.from(cells, (c) => c ?? null);
    });
    sheets[worksheet.name] = Array.from(rows, (r) => r ?? []);
  });
  return { sheets };
}
