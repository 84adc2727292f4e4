import { entries as demand } from "./demand.ts";
import { entries as nursing } from "./nursing.ts";
import { entries as pay } from "./pay.ts";
import type { CatalogueEntry } from "./shape.ts";
import { entries as skillMix } from "./skillMix.ts";
import { entries as supply } from "./supply.ts";
import { entries as time } from "./time.ts";

/**
 * Every function, by the id Excel knows it by (WFP.<id>): its code and the
 * shape of its result, which hosts that size a spill before evaluating
 * (HyperFormula in the workbench, the CLI and the tests) read from here. In
 * the order of FAMILY_FILES (functions/families.ts), as a test checks.
 */
export const catalogue: Record<string, CatalogueEntry> = { ...time, ...pay, ...demand, ...nursing, ...skillMix, ...supply };
