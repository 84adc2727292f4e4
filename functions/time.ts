/*
 * Time and headcount: FTE from hours, and heads from FTE.
 * Each function is a thin wrapper: read the arguments, call the planning
 * model in src/, return cells. Its JSDoc is its metadata (functions.json and
 * docs/reference/functions.md are generated from it); names and argument order
 * are a contract with every workbook that uses them: never reorder or rename.
 */
import { fteFromHours, headcountFromFte } from "../src/calculations.ts";
import { elementwise } from "./broadcast.ts";
import { ELEMENTWISE, type CatalogueEntry } from "./shape.ts";
import { optional } from "./arguments.ts";

/**
 * Full-time equivalent from contracted hours a week (NHS Digital: hours / standard hours).
 * @customfunction FTE
 * @helpurl https://localhost:3000/help.html#FTE
 * @param hours Contracted hours a week: a number or a range.
 * @param [standard_hours] Standard full-time hours a week: 37.5 for Agenda for Change (the default), 40 for medical staff.
 * @returns FTE for each value, spilled in the shape of the range.
 */
export function fte(hours: any[][], standard_hours?: any[][]): any[][] {
  return elementwise(
    [
      { name: "hours", value: hours },
      { name: "standard_hours", value: standard_hours, ...optional(37.5) },
    ],
    fteFromHours,
  );
}

/**
 * People needed to provide an FTE, rounded up.
 * @customfunction HEADCOUNT
 * @helpurl https://localhost:3000/help.html#HEADCOUNT
 * @param fte FTE needed: a number or a range.
 * @param [fte_per_head] Average FTE each person works (default 1).
 * @returns Headcount for each value.
 */
export function headcount(fte: any[][], fte_per_head?: any[][]): any[][] {
  return elementwise(
    [
      { name: "fte", value: fte },
      { name: "fte_per_head", value: fte_per_head, ...optional(1) },
    ],
    headcountFromFte,
  );
}

/** This family's functions by the id Excel knows each by (WFP.<id>), with the shape of its result. */
export const entries: Record<string, CatalogueEntry> = {
  FTE: { run: fte, shape: ELEMENTWISE, errors: { "#NUM!": "hours or standard_hours is negative" } },
  HEADCOUNT: { run: headcount, shape: ELEMENTWISE, errors: { "#NUM!": "fte or fte_per_head is negative", "#DIV/0!": "fte_per_head is 0" } },
};
