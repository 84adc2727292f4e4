/*
 * Skill mix: a group's share of FTE, and the cost per WTE of a mix of bands.
 * Each function is a thin wrapper: read the arguments, call the planning
 * model in src/, return cells. Its JSDoc is its metadata (functions.json and
 * docs/reference/functions.md are generated from it); names and argument order
 * are a contract with every workbook that uses them: never reorder or rename.
 */
import { fail, fteShare, mixCostPerWte, parseArea, parseFinancialYear, parsePostGrade } from "../src/calculations.ts";
import { single } from "./broadcast.ts";
import { asMatrix, cellsOf, isBlank } from "./cells.ts";
import { ONE_VALUE, type CatalogueEntry } from "./shape.ts";
import { toNumber, toText } from "./coerce.ts";
import { singleValue } from "./arguments.ts";

/**
 * Share of FTE in one group (staff group or band) of a list.
 * @customfunction SKILLMIX
 * @helpurl https://localhost:3000/help.html#SKILLMIX
 * @param fte FTE of each row (a range).
 * @param groups Group of each row (a range of the same size).
 * @param group The group whose share to return (case is ignored).
 * @returns Share of all FTE, as a fraction.
 */
export function skillmix(fte: any[][], groups: any[][], group: any[][]): any[][] {
  return single(() => {
    const ftes = cellsOf(asMatrix(fte));
    const names = cellsOf(asMatrix(groups));
    const rows = ftes.flatMap((cell, i) => (isBlank(cell) && isBlank(names[i]) ? [] : [i]));
    return fteShare(
      rows.map((i) => (isBlank(ftes[i]) ? 0 : toNumber(ftes[i], `fte item ${i + 1}`))),
      rows.map((i) => (isBlank(names[i]) ? "" : toText(names[i], `groups item ${i + 1}`))),
      toText(singleValue(group, "group") ?? "", "group"),
    );
  });
}

/**
 * Weighted average fully loaded cost per WTE of a skill mix (each band at the top of its scale; a training grade at its nodal point).
 * @customfunction MIXCOST
 * @helpurl https://localhost:3000/help.html#MIXCOST
 * @param bands Band of each row (a range).
 * @param ftes FTE of each row (a range of the same size).
 * @param [year] Financial year (default: the newest year held for each band).
 * @param [area] High cost area: "inner", "outer", "fringe" or "none" (the default).
 * @returns Cost per WTE in pounds.
 */
export function mixcost(bands: any[][], ftes: any[][], year?: any[][], area?: any[][]): any[][] {
  return single(() => {
    const bandCells = cellsOf(asMatrix(bands));
    const fteCells = cellsOf(asMatrix(ftes));
    if (bandCells.length !== fteCells.length) {
      fail("value", `bands has ${bandCells.length} cells but ftes has ${fteCells.length}: give one FTE per band`, "ftes");
    }
    const mix = bandCells.flatMap((band, i) =>
      isBlank(band) && isBlank(fteCells[i])
        ? []
        : [{ ...parsePostGrade(band, `bands item ${i + 1}`), fte: toNumber(fteCells[i] ?? 0, `ftes item ${i + 1}`) }],
    );
    const y = singleValue(year, "year");
    return mixCostPerWte(mix, { year: y === undefined ? undefined : parseFinancialYear(y), area: parseArea(singleValue(area, "area")) });
  });
}

/** This family's functions by the id Excel knows each by (WFP.<id>), with the shape of its result. */
export const entries: Record<string, CatalogueEntry> = {
  SKILLMIX: { run: skillmix, shape: ONE_VALUE, errors: { "#NUM!": "an FTE is negative", "#DIV/0!": "the FTE add up to 0" } },
  MIXCOST: { run: mixcost, shape: ONE_VALUE, errors: { "#NUM!": "an FTE is negative", "#DIV/0!": "the FTE add up to 0" } },
};
