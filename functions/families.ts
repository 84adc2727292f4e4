/*
 * The files of the WFP functions, one a family, in the order the function
 * reference lists them. The metadata generator (custom-functions-metadata)
 * reads their JSDoc from this list; functions/catalogue.ts registers their
 * code. A new family is a file here and an import there.
 */
export const FAMILY_FILES = ["time.ts", "pay.ts", "demand.ts", "nursing.ts", "skillMix.ts", "supply.ts"] as const;
