export * from "./bankCover.ts";
export * from "./consolidate.ts";
export * from "./flags.ts";
export * from "./sharedRates.ts";
export * from "./collaborativeBank.ts";
export * from "./summary.ts";
export * from "./trustPlan.ts";
export * from "./rowsBy.ts";
