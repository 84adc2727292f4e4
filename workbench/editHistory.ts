import type { CellInput, Workbook } from "../engine/workbook.ts";

/*
 * Undo and redo of the planner's own edits in the grid and formula bar, as
 * Ctrl+Z and Ctrl+Y do in Excel. Like Excel, whose undo list an add-in's
 * writes clear, what the pane writes is not undone here; opening a workbook
 * starts a new history.
 */

interface Edit {
  sheet: string;
  row: number;
  column: number;
  before: CellInput;
  after: CellInput;
}

export class EditHistory {
  private done: Edit[] = [];
  private undone: Edit[] = [];

  constructor(private readonly model: Workbook) {}

  /** Enters `input` in a cell, remembering what was there. */
  enter(sheet: string, row: number, column: number, input: CellInput): void {
    const at = { top: row, left: column, bottom: row, right: column };
    const before = this.model.formulas(sheet, at)[0]![0] ?? null;
    this.model.setContents(sheet, row, column, [[input]]);
    this.done.push({ sheet, row, column, before: before === "" ? null : before, after: input });
    if (this.done.length > 100) this.done.shift();
    this.undone = [];
  }

  /** Puts back the last edit's cell as it was; the cell undone, or undefined when there is nothing to undo. */
  undo(): Edit | undefined {
    const edit = this.done.pop();
    if (!edit) return undefined;
    this.model.setContents(edit.sheet, edit.row, edit.column, [[edit.before]]);
    this.undone.push(edit);
    return edit;
  }

  redo(): Edit | undefined {
    const edit = this.undone.pop();
    if (!edit) return undefined;
    this.model.setContents(edit.sheet, edit.row, edit.column, [[edit.after]]);
    this.done.push(edit);
    return edit;
  }
}
