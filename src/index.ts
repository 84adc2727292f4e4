/**
 * wfplan's planning model: NHS pay, on-costs, FTE, demand, supply, skill mix,
 * scenarios and triangulation. Pure TypeScript: no Office.js, React or DOM, so
 * the custom functions, the task pane, the CLI and the tests all compute the
 * same figures from this one place.
 *
 * Every function throws `PlanningError` on bad input; its `kind` maps to the
 * Excel error a caller should show.
 */
export { PlanningError, fail, type PlanningErrorKind } from "./errors.ts";
export * from "./reference/index.ts";
export * from "./workforce/time.ts";
export * from "./workforce/fte.ts";
export * from "./workforce/pay.ts";
export * from "./workforce/highCostArea.ts";
export * from "./workforce/onCosts.ts";
export * from "./workforce/cost.ts";
export * from "./workforce/uplift.ts";
export * from "./workforce/demand.ts";
export * from "./workforce/wisn.ts";
export * from "./workforce/nursing.ts";
export * from "./workforce/skillMix.ts";
export * from "./workforce/supply.ts";
export * from "./workforce/rates.ts";
export * from "./format.ts";
export { driverValue, type Driver, type DriverValue } from "./scenario/drivers.ts";
export * from "./scenario/schema.ts";
export * from "./scenario/run.ts";
export * from "./scenario/triangulate.ts";
export * from "./scenario/baseline.ts";
export * from "./scenario/fromTables.ts";
export * from "./scenario/compare.ts";
