/**
 * Selects a cell on its sheet, so a planner can follow a message to the cell
 * it names: one sync. The sheet is activated first, as selecting a range on
 * another sheet does not bring that sheet to the front in every Excel.
 */
export async function selectCell(sheet: string, row: number, column: number): Promise<void> {
  await Excel.run(async (context) => {
    const target = context.workbook.worksheets.getItem(sheet);
    target.activate();
    target.getRangeByIndexes(row, column, 1, 1).select();
    await context.sync();
  });
}
