import { quoteValue } from "../format.ts";
import { fail, requireFraction } from "../errors.ts";

/**
 * How leave percentages combine into headroom (the uplift on the FTE needed to
 * staff a roster):
 * - "additive": the sum of the percentages (22% leave gives 22% uplift);
 * - "compound": 1 / (1 - sum) - 1, since cover staff take leave too
 *   (22% leave gives 28.2% uplift).
 * Roster policies at 35 trusts set 16-26% and measured unavailability at 87
 * trusts was 15.8-33.6% (British Journal of Nursing, 2020): there is no one
 * right figure, so wfplan never assumes one.
 */
export type UpliftMethod = "additive" | "compound";

export function parseUpliftMethod(input: unknown): UpliftMethod {
  if (input === undefined || input === null || input === "") return "additive";
  const text = String(input).trim().toLowerCase();
  if (text === "additive" || text === "compound") return text;
  return fail("value", `method ${quoteValue(input)} is not a headroom method: use "additive" or "compound"`, "method");
}

export function headroom(percentages: readonly number[], method: UpliftMethod = "additive"): number {
  const total = percentages.reduce((sum, p, i) => sum + requireFraction(p, `percentages item ${i + 1}`), 0);
  if (method === "additive") return total;
  if (total >= 1)
    fail("num", `leave adds up to ${(total * 100).toFixed(1)}% of time: compound headroom needs less than 100%`, "percentages");
  return 1 / (1 - total) - 1;
}
