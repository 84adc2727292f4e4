import type { Workbook } from "../engine/workbook.ts";

/*
 * Where Ctrl+arrow goes, by Excel's rule: from a filled cell whose neighbour
 * is filled, to the last filled cell of that run; otherwise to the next
 * filled cell in that direction, or the edge of the grid when there is none.
 */

export type Direction = "up" | "down" | "left" | "right";

const STEPS: Record<Direction, [rows: number, columns: number]> = { up: [-1, 0], down: [1, 0], left: [0, -1], right: [0, 1] };

export function dataEdge(
  model: Workbook,
  sheet: string,
  from: { row: number; column: number },
  direction: Direction,
  limits: { rows: number; columns: number },
): { row: number; column: number } {
  const [dr, dc] = STEPS[direction];
  const inside = (r: number, c: number) => r >= 0 && c >= 0 && r < limits.rows && c < limits.columns;
  const filled = (r: number, c: number) => {
    const value = model.values(sheet, { top: r, left: c, bottom: r, right: c })[0]![0];
    return value !== "" && value !== null && value !== undefined;
  };
  let r = from.row;
  let c = from.column;
  if (!inside(r + dr, c + dc)) return { row: r, column: c };
  if (filled(r, c) && filled(r + dr, c + dc)) {
    while (inside(r + dr, c + dc) && filled(r + dr, c + dc)) [r, c] = [r + dr, c + dc];
    return { row: r, column: c };
  }
  [r, c] = [r + dr, c + dc];
  while (inside(r + dr, c + dc) && !filled(r, c)) [r, c] = [r + dr, c + dc];
  return { row: r, column: c };
}
