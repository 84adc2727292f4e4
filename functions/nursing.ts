/*
 * Nursing: care hours per patient day and the establishment they need.
 * Each function is a thin wrapper: read the arguments, call the planning
 * model in src/, return cells. Its JSDoc is its metadata (functions.json and
 * docs/reference/functions.md are generated from it); names and argument order
 * are a contract with every workbook that uses them: never reorder or rename.
 */
import { careHoursPerPatientDay, nursingEstablishmentFte } from "../src/calculations.ts";
import { elementwise } from "./broadcast.ts";
import { ELEMENTWISE, type CatalogueEntry } from "./shape.ts";
import { optional } from "./arguments.ts";

/**
 * Care hours per patient day (NHS England): care hours / patient days.
 * @customfunction CHPPD
 * @helpurl https://localhost:3000/help.html#CHPPD
 * @param care_hours Hours worked by registered nurses, midwives and healthcare support workers.
 * @param patient_days Sum of patients in beds at 23:59 over the period.
 * @returns CHPPD.
 */
export function chppd(care_hours: any[][], patient_days: any[][]): any[][] {
  return elementwise(
    [
      { name: "care_hours", value: care_hours },
      { name: "patient_days", value: patient_days },
    ],
    careHoursPerPatientDay,
  );
}

/**
 * FTE needed to deliver a CHPPD target: CHPPD x beds x occupancy x 365 / (37.5 x 52.143) x (1 + uplift).
 * @customfunction NURSING_FTE
 * @helpurl https://localhost:3000/help.html#NURSING_FTE
 * @param chppd Care hours per patient day to deliver.
 * @param beds Beds on the ward.
 * @param occupancy Bed occupancy as a fraction (0.92 for 92%).
 * @param [uplift] Headroom as a fraction (default 0).
 * @returns FTE required.
 */
export function nursing_fte(chppd: any[][], beds: any[][], occupancy: any[][], uplift?: any[][]): any[][] {
  return elementwise(
    [
      { name: "chppd", value: chppd },
      { name: "beds", value: beds },
      { name: "occupancy", value: occupancy },
      { name: "uplift", value: uplift, ...optional(0) },
    ],
    (c, b, o, u) => nursingEstablishmentFte(c, b, o, u),
  );
}

/** This family's functions by the id Excel knows each by (WFP.<id>), with the shape of its result. */
export const entries: Record<string, CatalogueEntry> = {
  CHPPD: { run: chppd, shape: ELEMENTWISE, errors: { "#NUM!": "care_hours or patient_days is negative", "#DIV/0!": "patient_days is 0" } },
  NURSING_FTE: {
    run: nursing_fte,
    shape: ELEMENTWISE,
    errors: { "#NUM!": "chppd, beds or uplift is negative, or occupancy is outside 0 to 1" },
  },
};
