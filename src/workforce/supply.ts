import { fail, requireFraction, requireNonNegative } from "../errors.ts";

/** A flow given once for every year, or year by year (the last value repeats). */
export type PerYear = number | readonly number[];

export interface SupplyInputs {
  startFte: number;
  years: number;
  /** Share of the FTE at the start of each year who leave during it (NHS Digital leaver rate). */
  leaverRate: PerYear;
  /** FTE retiring each year, on top of the leaver rate. */
  retirements?: PerYear;
  /** FTE joining each year from training pipelines (newly qualified starters). */
  starters?: PerYear;
  internationalRecruits?: PerYear;
  /** Bank staff taking substantive posts. */
  bankConversions?: PerYear;
  otherJoiners?: PerYear;
}

export interface SupplyYear {
  /** 1 for the first year of the horizon. */
  year: number;
  startFte: number;
  leavers: number;
  retirements: number;
  joiners: number;
  endFte: number;
}

export function valueForYear(value: PerYear | undefined, yearIndex: number, field: string): number {
  if (value === undefined) return 0;
  if (typeof value === "number") return value;
  if (value.length === 0) fail("value", `${field} has no values`, field);
  return value[Math.min(yearIndex, value.length - 1)]!;
}

/**
 * Stocks and flows: each year's end FTE = start x (1 - leaver rate) - retirements
 * + starters + international recruits + bank conversions + other joiners, and
 * the next year starts where this one ended. Supply never falls below zero.
 */
export function projectSupply(inputs: SupplyInputs): SupplyYear[] {
  requireNonNegative(inputs.startFte, "start_fte");
  if (!Number.isInteger(inputs.years) || inputs.years < 1 || inputs.years > 50) {
    fail("num", `years must be a whole number from 1 to 50 (got ${inputs.years})`, "years");
  }
  const result: SupplyYear[] = [];
  let fte = inputs.startFte;
  for (let i = 0; i < inputs.years; i++) {
    const rate = requireFraction(valueForYear(inputs.leaverRate, i, "leaver_rate"), "leaver_rate");
    const leavers = fte * rate;
    const retirements = requireNonNegative(valueForYear(inputs.retirements, i, "retirements"), "retirements");
    const joiners = (["starters", "internationalRecruits", "bankConversions", "otherJoiners"] as const).reduce(
      (sum, key) => sum + requireNonNegative(valueForYear(inputs[key], i, key), key),
      0,
    );
    const endFte = Math.max(0, fte - leavers - retirements + joiners);
    result.push({ year: i + 1, startFte: fte, leavers, retirements, joiners, endFte });
    fte = endFte;
  }
  return result;
}
