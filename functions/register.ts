/*
 * Entry point loaded by Excel (shared runtime): registers every WFP function
 * with CustomFunctions.associate, reading Excel's error and data-type
 * arguments and returning wfplan's error cells as Excel's
 * (functions/excelValues.ts). Outside Excel (a plain browser, the workbench)
 * there is no CustomFunctions global and this does nothing.
 */
import type { ExcelErrorCode } from "./cells.ts";
import { catalogue } from "./catalogue.ts";
import { argumentFromExcel, resultForExcel } from "./excelValues.ts";

const EXCEL_CODES = {
  "#VALUE!": "invalidValue",
  "#NUM!": "invalidNumber",
  "#DIV/0!": "divisionByZero",
  "#N/A": "notAvailable",
} as const;

const excelError = (code: ExcelErrorCode, message?: string) =>
  message === undefined
    ? new CustomFunctions.Error(CustomFunctions.ErrorCode[EXCEL_CODES[code]])
    : new CustomFunctions.Error(CustomFunctions.ErrorCode[EXCEL_CODES[code]], message);

export function registerWithExcel(): string[] {
  if (typeof CustomFunctions === "undefined") return [];
  for (const [id, entry] of Object.entries(catalogue)) {
    CustomFunctions.associate(id, (...args: unknown[]) => resultForExcel(entry.run(...args.map(argumentFromExcel)), excelError));
  }
  return Object.keys(catalogue);
}

registerWithExcel();
