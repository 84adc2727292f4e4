import type { HyperFormula } from "hyperformula";
import type { CellRange } from "../src/addresses.ts";

/*
 * Which cells of a sheet hold something, read from HyperFormula's address
 * mapping: its public API offers a sheet only densely, and a sheet with
 * values in A1 and XFD1048576 would be 17 billion cells. Internal to
 * HyperFormula, so typed here and kept to these two readers.
 */

/** The parts of HyperFormula's address mapping that filledCells reads (internal, so typed here). */
interface AddressMappingInternals {
  getStrategyForSheetOrThrow(id: number): { mapping?: unknown[][] };
  sheetEntries(id: number): Iterable<[{ row: number; col: number }, unknown]>;
}

const addressMapping = (engine: HyperFormula) =>
  (engine as unknown as { dependencyGraph: { addressMapping: AddressMappingInternals } }).dependencyGraph.addressMapping;

/**
 * The cells that hold something, row by row, without walking the blank ones:
 * a sheet with values in A1 and XFD1048576 has two. HyperFormula keeps them
 * in its address mapping, which its public API only offers densely.
 */
export function filledCellsOf(engine: HyperFormula, id: number): [row: number, column: number][] {
  const mapping = addressMapping(engine);
  const strategy = mapping.getStrategyForSheetOrThrow(id);
  const cells: [number, number][] = [];
  if (Array.isArray(strategy.mapping)) {
    // The dense strategy: an array of rows, each an array of cells; forEach skips the holes between them.
    strategy.mapping.forEach((line, row) => line?.forEach((vertex, column) => vertex && cells.push([row, column])));
    return cells;
  }
  for (const [address] of mapping.sheetEntries(id)) cells.push([address.row, address.col]);
  return cells.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/**
 * The smallest block holding every non-empty cell (spills included), or
 * undefined for an empty sheet. Worked out without listing the cells: the
 * pane asks for every sheet's used range when a workbook opens, and listing
 * an 81,603-row sheet's 740,000 cells held the page for a quarter second.
 */
export function filledExtentOf(engine: HyperFormula, id: number): CellRange | undefined {
  const mapping = addressMapping(engine);
  const strategy = mapping.getStrategyForSheetOrThrow(id);
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const extend = (row: number, first: number, last: number) => {
    top = Math.min(top, row);
    bottom = Math.max(bottom, row);
    left = Math.min(left, first);
    right = Math.max(right, last);
  };
  if (Array.isArray(strategy.mapping)) {
    // The dense strategy: rows of cells, with holes; a row's first and last cells are enough.
    strategy.mapping.forEach((line, row) => {
      if (!line) return;
      let first = 0;
      while (first < line.length && !line[first]) first++;
      let last = line.length - 1;
      while (last >= first && !line[last]) last--;
      if (first <= last) extend(row, first, last);
    });
  } else {
    for (const [address] of mapping.sheetEntries(id)) extend(address.row, address.col, address.col);
  }
  return bottom < 0 ? undefined : { top, left, bottom, right };
}
