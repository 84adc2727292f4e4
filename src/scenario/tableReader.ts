import { fail } from "../errors.ts";
import { cellPlace } from "../addresses.ts";
import { columnByHeader, fieldLabel, ROLES, type FieldKey, type TableRole } from "./link.ts";

/*
 * One table of the workbook as the pane reads it, and the reader that finds
 * its columns by header (or as the planner linked them), reads its cells and
 * leaves a row out of the plan with its cell and what was expected there.
 */

/** A workbook table as the task pane reads it. */
export interface TableData {
  name: string;
  sheet: string;
  headers: readonly string[];
  rows: readonly (readonly unknown[])[];
  /** The header row and first column on the sheet, 0-based. */
  top: number;
  left: number;
  /** The column of each field as the planner linked it; when absent, columns are found by their headers. */
  columns?: Partial<Record<FieldKey, number>>;
}

/** A row left out of the plan: where it is, what it holds and what was expected there. */
export interface LeftOutRow {
  table: string;
  sheet: string;
  /** The cell, as "Staff!C12", and its row and column on the sheet (0-based) for a link that selects it. */
  place: string;
  row: number;
  column: number;
  value: unknown;
  /** What is wrong, naming the value and what was expected: `contracted hours "full time" must be a number of 0 or more`. */
  problem: string;
}

/** A cell a message can link to: its sheet, row and column (0-based), and how it is written ("Standards!B2"). */
export interface CellRef {
  sheet: string;
  row: number;
  column: number;
  place: string;
}

/** A left-out row as a planner reads it. */
export const leftOutText = (row: LeftOutRow) => `${row.place}: ${row.problem}`;

/** Reads one table's columns by header, saying where anything is wrong. */
export class TableReader {
  constructor(
    readonly table: TableData,
    readonly role: TableRole,
    leftOut?: LeftOutRow[],
  ) {
    if (leftOut) this.leftOut = leftOut;
  }

  /** Rows left out, each with its cell and what was expected: shared by every table of a plan. */
  readonly leftOut: LeftOutRow[] = [];

  private readonly found = new Map<FieldKey, number>();

  /** The field's column: as the planner linked it, or by its header (looked up once a field). */
  column(key: FieldKey, required = true): number {
    const linked = this.table.columns;
    let index = this.found.get(key);
    if (index === undefined) this.found.set(key, (index = linked ? (linked[key] ?? -1) : columnByHeader(this.table.headers, key)));
    if (index < 0 && required) {
      fail(
        "value",
        `the ${ROLES[this.role].describe} table ${this.table.name} (sheet ${this.table.sheet}) needs a column for ${fieldLabel(key)}; its headers are ${this.table.headers.join(", ")}`,
        this.table.name,
      );
    }
    return index;
  }

  /** A cell of the table as a link target. */
  cell(row: number, column: number): CellRef {
    return { sheet: this.table.sheet, row: this.table.top + 1 + row, column: this.table.left + column, place: this.place(row, column) };
  }

  /** Leaves a row out of the plan, saying where and why; false, for `&&` chains. */
  leaveOut(row: number, column: number, problem: string): false {
    this.leftOut.push({
      table: this.table.name,
      sheet: this.table.sheet,
      place: this.place(row, column),
      row: this.table.top + 1 + row,
      column: this.table.left + column,
      value: this.table.rows[row]?.[column] ?? "",
      problem,
    });
    return false;
  }

  /** The cell as a number of 0 or more, or NaN with the row left out. */
  amount(row: number, column: number, what: string): number {
    const value = this.table.rows[row]?.[column];
    const number = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
    if (Number.isFinite(number) && number >= 0) return number;
    this.leaveOut(row, column, `${what} ${JSON.stringify(value ?? "")} must be a number of 0 or more`);
    return NaN;
  }

  place(row: number, column: number): string {
    return cellPlace(this.table.sheet, this.table.top + 1 + row, this.table.left + column);
  }

  text(row: number, column: number): string {
    const value = this.table.rows[row]?.[column];
    return value === null || value === undefined ? "" : String(value).trim();
  }

  /** Rows that are not wholly blank, with their index. */
  *filled(): Generator<number> {
    for (let row = 0; row < this.table.rows.length; row++) {
      if (this.table.rows[row]!.some((v) => v !== null && v !== undefined && v !== "")) yield row;
    }
  }
}
