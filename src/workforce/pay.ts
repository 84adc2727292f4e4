import { quoteValue } from "../format.ts";
import { fail, requireNonNegative } from "../errors.ts";
import {
  gradeLabel,
  latestPayYear,
  payScale,
  type FinancialYear,
  type Grade,
  type PayScale,
  type PayTable,
  type PostGrade,
  type Source,
  type WorkbookSource,
} from "../reference/index.ts";
import { annualHours } from "./time.ts";

/**
 * A pay point: a 1-based number (1 = entry; a nodal point or threshold where a
 * scale names its points by number), a name ("entry", "intermediate", "top",
 * "2a"), "mid" (the mean of the scale's points), or the years completed on
 * the scale ("8 years").
 */
export type PayPoint = number | "entry" | "intermediate" | "mid" | "top" | { name: string } | { yearsCompleted: number };

export const POINT_HELP =
  'use a number (1 = entry; a nodal point or threshold), "entry", "intermediate", "mid", "top", a named point such as "2a", or years completed such as "8 years"';

export function parsePayPoint(input: unknown, field = "point"): PayPoint {
  if (input === undefined || input === null || input === "") return "top";
  if (typeof input === "number") {
    if (Number.isInteger(input) && input >= 1) return input;
    return fail("value", `${field} ${quoteValue(input)} is not a pay point: ${POINT_HELP}`, field);
  }
  if (typeof input === "string") {
    const text = input.trim().toLowerCase().replace(/\s+/g, " ");
    if (text === "entry" || text === "intermediate" || text === "mid" || text === "top") return text;
    if (text === "middle") return "mid";
    const years = /^(\d{1,2}) ?(?:years?|yrs?)(?: completed)?$/.exec(text);
    if (years) return { yearsCompleted: Number(years[1]) };
    // "3", "Threshold 3", "nodal point 3", "NP3", "point 2a".
    const named = /^(?:threshold|nodal point|np|point|pay point)? ?(\d{1,2}[a-z]?)$/.exec(text);
    if (named) return /^\d+$/.test(named[1]!) ? parsePayPoint(Number(named[1]), field) : { name: named[1]! };
  }
  return fail("value", `${field} ${quoteValue(input)} is not a pay point: ${POINT_HELP}`, field);
}

/** How a point reads in a message: 3, "top", "2a", "8 years". */
export function pointLabel(point: PayPoint): string {
  if (typeof point === "number") return String(point);
  if (typeof point === "string") return point;
  return "name" in point ? point.name : `${point.yearsCompleted} years`;
}

export interface BasicPay {
  grade: Grade;
  year: FinancialYear;
  /** Whole-time annual basic pay in pounds. */
  annual: number;
  /** Which point was used ("mid" when the mean of the points was asked for). */
  point: string;
  weeklyHours: number;
  source: Source | WorkbookSource;
  /** What to know before relying on the figure, where the reference data says. */
  caveat?: string;
}

function pointsList(scale: PayScale): string {
  return scale.points.map((p, i) => (p.name === String(i + 1) ? p.name : `${i + 1} (${p.name})`)).join(", ");
}

function noPoint(scale: PayScale, what: string): never {
  return fail("value", `${gradeLabel(scale.grade)} has no ${what} in ${scale.year}: its points are ${pointsList(scale)}`, "point");
}

function pointValue(scale: PayScale, point: PayPoint): { annual: number; name: string } {
  const points = scale.points;
  if (point === "top") return { annual: points[points.length - 1]!.annual, name: "top" };
  if (point === "entry") return { annual: points[0]!.annual, name: "entry" };
  if (point === "mid") {
    return { annual: points.reduce((sum, p) => sum + p.annual, 0) / points.length, name: "mid" };
  }
  if (point === "intermediate") {
    const found = points.find((p) => p.name === "intermediate");
    if (!found) return noPoint(scale, "intermediate point");
    return { annual: found.annual, name: "intermediate" };
  }
  if (typeof point === "number") {
    const named = points.find((p) => p.name === String(point));
    if (named) return { annual: named.annual, name: named.name };
    // Scales that name their points by number (thresholds 1, 2a, 2b, 3, 4) are not read by position.
    const byNumber = points.some((p) => /^\d/.test(p.name));
    const chosen = byNumber ? undefined : points[point - 1];
    if (!chosen) {
      const split = points.filter((p) => p.name.startsWith(String(point))).map((p) => `"${p.name}"`);
      return noPoint(scale, split.length > 1 ? `single point ${point} (use ${split.join(" or ")})` : `point ${point}`);
    }
    return { annual: chosen.annual, name: chosen.name };
  }
  if ("name" in point) {
    const found = points.find((p) => p.name.toLowerCase() === point.name);
    if (!found) return noPoint(scale, `point "${point.name}"`);
    return { annual: found.annual, name: found.name };
  }
  // Years completed: walk the scale by the years at each point.
  let index = 0;
  for (let left = point.yearsCompleted; index < points.length - 1; index++) {
    const stay = points[index]!.yearsToNext;
    if (stay === undefined) {
      return fail(
        "value",
        `${gradeLabel(scale.grade)} pay does not step by years in ${scale.year}${scale.grade === "Resident doctor" ? ": the training grade decides the nodal point (FY1, FY2, CT1-CT3, ST1-ST8)" : ""}`,
        "point",
      );
    }
    if (left < stay) break;
    left -= stay;
  }
  return { annual: points[index]!.annual, name: points[index]!.name };
}

/**
 * Whole-time annual basic pay for a grade at a point in a year (default: the
 * newest year held), from a workbook pay table where it holds the figure.
 */
export function basicPay(grade: Grade, point: PayPoint = "top", year?: FinancialYear, table?: PayTable): BasicPay {
  const scale = payScale(grade, year ?? latestPayYear(grade, table), table);
  const { annual, name } = pointValue(scale, point);
  return {
    grade,
    year: scale.year as FinancialYear,
    annual,
    point: name,
    weeklyHours: scale.weeklyHours,
    source: scale.source,
    caveat: scale.caveat,
  };
}

/**
 * The grade and point a post is paid on: a training grade ("ST4") names its
 * nodal point, and a different point beside it is refused rather than guessed.
 */
export function postPoint(post: PostGrade, point: PayPoint | undefined, fallback: PayPoint = "top"): PayPoint {
  if (post.nodalPoint === undefined) return point ?? fallback;
  if (point !== undefined && point !== post.nodalPoint) {
    fail(
      "value",
      `${post.trainingGrade} is paid on nodal point ${post.nodalPoint}: leave the point blank, or give "Resident doctor" and a nodal point`,
      "point",
    );
  }
  return post.nodalPoint;
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
