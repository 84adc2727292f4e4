import { fail, requireNonNegative } from "../errors.ts";
import { gradeLabel, latestPayYear, payScale, type FinancialYear, type Grade, type PayScale, type Source } from "../reference/index.ts";
import { annualHours } from "./time.ts";

/** A pay step point: 1-based index (1 = entry) or a name. "mid" is the mean of the band's points. */
export type PayPoint = number | "entry" | "intermediate" | "mid" | "top";

export const POINT_HELP = 'use a number (1 = entry) or "entry", "intermediate", "mid", "top"';

export function parsePayPoint(input: unknown, field = "point"): PayPoint {
  if (input === undefined || input === null || input === "") return "top";
  if (typeof input === "number") {
    if (Number.isInteger(input) && input >= 1) return input;
    return fail("value", `${field} ${input} is not a pay point: ${POINT_HELP}`, field);
  }
  if (typeof input === "string") {
    const text = input.trim().toLowerCase();
    if (/^\d+$/.test(text)) return parsePayPoint(Number(text), field);
    if (text === "entry" || text === "intermediate" || text === "mid" || text === "top") return text;
    if (text === "middle") return "mid";
  }
  return fail("value", `${field} ${JSON.stringify(input)} is not a pay point: ${POINT_HELP}`, field);
}

export interface BasicPay {
  grade: Grade;
  year: FinancialYear;
  /** Whole-time annual basic pay in pounds. */
  annual: number;
  /** Which point was used ("mid" when the mean of the points was asked for). */
  point: string;
  weeklyHours: number;
  source: Source;
}

function pointValue(scale: PayScale, point: PayPoint): { annual: number; name: string } {
  const points = scale.points;
  if (point === "top") return { annual: points[points.length - 1]!.annual, name: "top" };
  if (point === "entry") return { annual: points[0]!.annual, name: "entry" };
  if (point === "mid") {
    return { annual: points.reduce((sum, p) => sum + p.annual, 0) / points.length, name: "mid" };
  }
  const names = points.map((p, i) => `${i + 1} (${p.name})`).join(", ");
  if (point === "intermediate") {
    const found = points.find((p) => p.name === "intermediate");
    if (!found) {
      fail("value", `${gradeLabel(scale.grade)} has no intermediate point in ${scale.year}: its points are ${names}`, "point");
    }
    return { annual: found.annual, name: "intermediate" };
  }
  const chosen = points[point - 1];
  if (!chosen) {
    fail("value", `${gradeLabel(scale.grade)} has no point ${point} in ${scale.year}: its points are ${names}`, "point");
  }
  return { annual: chosen.annual, name: chosen.name };
}

/** Whole-time annual basic pay for a grade at a point in a year (default: the newest year held). */
export function basicPay(grade: Grade, point: PayPoint = "top", year?: FinancialYear): BasicPay {
  const scale = payScale(grade, year ?? latestPayYear(grade));
  const { annual, name } = pointValue(scale, point);
  return {
    grade,
    year: scale.year as FinancialYear,
    annual,
    point: name,
    weeklyHours: scale.weeklyHours,
    source: scale.source,
  };
}

/** Basic pay pro rata for `fte` (0.6 FTE earns 60% of the whole-time salary). */
export function proRataPay(annualWholeTime: number, fte: number): number {
  requireNonNegative(fte, "fte");
  return annualWholeTime * fte;
}

/** Hourly rate as NHS Employers compute it: annual / (weekly hours x 52.143). */
export function hourlyRate(annualWholeTime: number, weeklyHours = 37.5): number {
  return annualWholeTime / annualHours(weeklyHours);
}
