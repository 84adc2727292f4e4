import { LINK_SHEET } from "./linkStore.ts";
import { OUTPUTS_SHEET } from "./outputSheets.ts";
import { STORE_SHEET } from "./scenarioStore.ts";

/*
 * Which sheets are wfplan's own: its output sheets ("WFP …") and its very
 * hidden stores. Nothing on them is ever offered as a part of the plan: a
 * results table has Bank FTE and Agency cost columns, and would otherwise
 * be taken for the trust's bank and agency use on the next run.
 */
export const isWfplanSheet = (name: string) => /^wfp /i.test(name) || [STORE_SHEET, LINK_SHEET, OUTPUTS_SHEET].includes(name.toLowerCase());
