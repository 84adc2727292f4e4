/**
 * The calculations of wfplan's planning model without its scenarios: reference
 * data, pay, on-costs, FTE, demand, WISN, CHPPD, skill mix, supply and rates.
 * The custom functions import this alone, so loading them (in Excel, the CLI
 * and the engine) never loads the expression evaluator scenarios use (mathjs,
 * about 0.9 s in Node).
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
export { cellPlace, columnLetters } from "./addresses.ts";
