/*
 * How wfplan adds rows to the sheets it keeps (the scenario store, the
 * links): it inserts whole rows where it read the end to be, then writes into
 * them, in one batch. Two people with the pane open on one shared workbook
 * (Excel on the web co-authoring) may both read the same end and save at
 * once; a plain write would put the second version over the first, while two
 * inserts at one row both stay, one above the other. The rows' order is then
 * the order the saves reached Excel; every version is there.
 */

export type RowCell = string | number | boolean;

/** Queues `rows` inserted at row `at` (0-based) of `sheet` and written there; the caller's next sync does both. */
export function queueAppendRows(sheet: Excel.Worksheet, at: number, rows: readonly (readonly RowCell[])[]): void {
  if (!rows.length) return;
  sheet.getRange(`${at + 1}:${at + rows.length}`).insert("Down" as Excel.InsertShiftDirection);
  rows.forEach((row, i) => {
    sheet.getRangeByIndexes(at + i, 0, 1, row.length).values = [[...row]];
  });
}
