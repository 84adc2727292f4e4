/*
 * Entry point loaded by Excel (shared runtime): registers every WFP function
 * with CustomFunctions.associate, turning wfplan's error cells into Excel's.
 * Outside Excel (a plain browser, the workbench) there is no CustomFunctions
 * global and this does nothing.
 */
import { FunctionError, type ResultMatrix } from "./cells.ts";
import { catalogue } from "./catalogue.ts";

const EXCEL_CODES = {
  "#VALUE!": "invalidValue",
  "#NUM!": "invalidNumber",
  "#DIV/0!": "divisionByZero",
  "#N/A": "notAvailable",
} as const;

function toExcel(result: ResultMatrix): unknown[][] {
  return result.map((row) =>
    row.map((cell) =>
      cell instanceof FunctionError ? new CustomFunctions.Error(CustomFunctions.ErrorCode[EXCEL_CODES[cell.code]], cell.message) : cell,
    ),
  );
}

export function registerWithExcel(): string[] {
  if (typeof CustomFunctions === "undefined") return [];
  for (const [id, entry] of Object.entries(catalogue)) {
    CustomFunctions.associate(id, (...args: unknown[]) => toExcel(entry.run(...args)));
  }
  return Object.keys(catalogue);
}

registerWithExcel();
