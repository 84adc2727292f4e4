/**
 * wfplan's planning model: NHS pay, on-costs, FTE, demand, supply, skill mix,
 * scenarios and triangulation. Pure TypeScript: no Office.js, React or DOM, so
 * the custom functions, the task pane, the CLI and the tests all compute the
 * same figures from this one place.
 *
 * Every function throws `PlanningError` on bad input; its `kind` maps to the
 * Excel error a caller should show.
 */
export * from "./calculations.ts";
export { sha256 } from "./fingerprint.ts";
export { driverExpressionsLoaded, driverValue, loadDriverExpressions, type Driver, type DriverValue } from "./scenario/drivers.ts";
export * from "./scenario/driverTable.ts";
export * from "./months/calendar.ts";
export * from "./months/profile.ts";
export * from "./months/submission.ts";
export * from "./months/planAgainstActual.ts";
export * from "./months/monthDetail.ts";
export { readActualMonth } from "./months/actualMonth.ts";
export type { MonthRow } from "./months/phase.ts";
export { demandMonthsText, type DemandMonths } from "./months/demandByMonth.ts";
export * from "./scenario/schema.ts";
export * from "./scenario/run.ts";
export * from "./scenario/triangulate.ts";
export { expectationText, spendRules, type SpendRule } from "./scenario/temporaryStaffingCheck.ts";
export * from "./scenario/baseline.ts";
export * from "./scenario/fromTables.ts";
export * from "./scenario/tableReader.ts";
export * from "./scenario/choices.ts";
export * from "./scenario/link.ts";
export * from "./scenario/star.ts";
export * from "./scenario/board.ts";
export * from "./scenario/assumptions.ts";
export * from "./scenario/compare.ts";
export * from "./scenario/percentInput.ts";
export * from "./scenario/store.ts";
export * from "./scenario/review.ts";
export * from "./system/index.ts";
