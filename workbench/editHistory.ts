import type { CellRange } from "../src/addresses.ts";
import type { CellInput, Workbook } from "../engine/workbook.ts";

/*
 * Undo and redo of the planner's own edits in the grid and formula bar, as
 * Ctrl+Z and Ctrl+Y do in Excel. Like Excel, whose undo list an add-in's
 * writes clear, what the pane writes is not undone here; opening a workbook
 * starts a new history. Clearing a selected range is one step, as in Excel.
 */

interface Edit {
  sheet: string;
  /** The top-left cell of the block edited. */
  row: number;
  column: number;
  before: CellInput[][];
  after: CellInput[][];
}

export class EditHistory {
  private done: Edit[] = [];
  private undone: Edit[] = [];

  constructor(private readonly model: Workbook) {}

  /** Enters `input` in a cell, remembering what was there. */
  enter(sheet: string, row: number, column: number, input: CellInput): void {
    this.record(sheet, { top: row, left: column, bottom: row, right: column }, [[input]]);
  }

  /** Clears every cell of a range (Delete on a selection), as one step. */
  clear(sheet: string, range: CellRange): void {
    const after = Array.from({ length: range.bottom - range.top + 1 }, () => new Array<CellInput>(range.right - range.left + 1).fill(""));
    this.record(sheet, range, after);
  }

  private record(sheet: string, range: CellRange, after: CellInput[][]): void {
    const before = this.model.formulas(sheet, range).map((line) => line.map((v): CellInput => (v === "" ? null : v)));
    this.model.setContents(sheet, range.top, range.left, after);
    this.done.push({ sheet, row: range.top, column: range.left, before, after });
    if (this.done.length > 100) this.done.shift();
    this.undone = [];
  }

  /** Puts back the last edit's cells as they were; the edit undone, or undefined when there is nothing to undo. */
  undo(): Edit | undefined {
    const edit = this.done.pop();
    if (!edit) return undefined;
    // A cleared cell that held nothing stays empty: "" clears, null would leave whatever is there.
    this.model.setContents(
      edit.sheet,
      edit.row,
      edit.column,
      edit.before.map((line) => line.map((v) => v ?? "")),
    );
    this.undone.push(edit);
    return edit;
  }

  redo(): Edit | undefined {
    const edit = this.undone.pop();
    if (!edit) return undefined;
    this.model.setContents(edit.sheet, edit.row, edit.column, edit.after);
    this.done.push(edit);
    return edit;
  }
}
