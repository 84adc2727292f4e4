import type { CellRange } from "../src/addresses.ts";
import type { Workbook } from "../engine/workbook.ts";
import { dataEdge, type Direction } from "./dataEdge.ts";

/*
 * A range selected as in Excel: the active cell stays where the selection
 * began (the anchor) and Shift+click, Shift+arrow or Ctrl+Shift+arrow move
 * its other corner; the status bar sums what is selected.
 */

export interface CellPosition {
  row: number;
  column: number;
}

/** The rectangle between the anchor and the other corner. */
export function rangeBetween(anchor: CellPosition, corner: CellPosition): CellRange {
  return {
    top: Math.min(anchor.row, corner.row),
    left: Math.min(anchor.column, corner.column),
    bottom: Math.max(anchor.row, corner.row),
    right: Math.max(anchor.column, corner.column),
  };
}

const STEP: Record<Direction, [number, number]> = { up: [-1, 0], down: [1, 0], left: [0, -1], right: [0, 1] };

/** The other corner after Shift+arrow (one cell) or Ctrl+Shift+arrow (to the edge of the data, by Excel's rule), kept on the grid. */
export function moveCorner(
  model: Workbook,
  sheet: string,
  corner: CellPosition,
  direction: Direction,
  toEdge: boolean,
  limits: { rows: number; columns: number },
): CellPosition {
  if (toEdge) return dataEdge(model, sheet, corner, direction, limits);
  const [dr, dc] = STEP[direction];
  return {
    row: Math.min(limits.rows - 1, Math.max(0, corner.row + dr)),
    column: Math.min(limits.columns - 1, Math.max(0, corner.column + dc)),
  };
}

/** What Excel's status bar says of a selection of more than one cell: the average and sum of its numbers, and how many cells hold something. */
export function selectionSummary(model: Workbook, sheet: string, range: CellRange): { count: number; numbers: number; sum: number } {
  let count = 0;
  let numbers = 0;
  let sum = 0;
  for (const line of model.values(sheet, range)) {
    for (const value of line) {
      if (value === "") continue;
      count++;
      if (typeof value === "number") {
        numbers++;
        sum += value;
      }
    }
  }
  return { count, numbers, sum };
}
