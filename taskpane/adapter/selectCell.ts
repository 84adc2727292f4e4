/** Selects a cell on its sheet, so a planner can follow a message to the cell it names: one sync. */
export async function selectCell(sheet: string, row: number, column: number): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRangeByIndexes(row, column, 1, 1).select();
    await context.sync();
  });
}
