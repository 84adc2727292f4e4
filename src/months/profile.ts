import { fail } from "../errors.ts";
import { quoteValue } from "../format.ts";
import { monthName, monthNumber } from "./calendar.ts";

/*
 * A phasing profile: how a year's flow falls across its months, April to
 * March, as twelve shares that add up to one. A flow that arrives evenly
 * needs none (absent is even). Planners type one as "even", as the months it
 * arrives in ("Sep, Oct": half in each), as months with their shares
 * ("Sep 60%, Oct 40%"), or as twelve weights, April first, that add up to
 * 100% (or to 1), such as a row of a phasing table in the workbook.
 */

export type Profile = readonly number[];

export const EVEN: Profile = Object.freeze(Array.from({ length: 12 }, () => 1 / 12));

/** How far from 100% twelve typed weights may add up and still be read (a row of 8.33% adds to 99.96%). */
const SUM_TOLERANCE = 0.001;

export interface ProfileRead {
  /** Twelve shares adding to one; undefined for even. */
  weights: Profile | undefined;
  understood: string;
}

const percent = (share: number) => `${Number((share * 100).toFixed(4))}%`;

/** A profile as the planner would type it again: "even", "Sep, Oct", "Sep 60%, Oct 40%" or twelve weights. */
export function profileText(weights: Profile | undefined): string {
  if (!weights || weights.every((w) => Math.abs(w - 1 / 12) < 1e-9)) return "even";
  const months = weights.flatMap((w, i) => (w > 0 ? [{ month: i + 1, w }] : []));
  if (months.length < 12) {
    if (months.every((m) => Math.abs(m.w - months[0]!.w) < 1e-9)) return months.map((m) => monthName(m.month)).join(", ");
    return months.map((m) => `${monthName(m.month)} ${percent(m.w)}`).join(", ");
  }
  return weights.map(percent).join("; ");
}

/** Reads a typed profile, failing with what is wrong and what to type. */
export function readProfile(text: string, label: string): ProfileRead {
  const trimmed = text.trim();
  if (trimmed === "" || /^even(ly)?$/i.test(trimmed)) return { weights: undefined, understood: "evenly, a twelfth a month" };
  const parts = trimmed.split(/\s*;\s*/);
  const weights =
    parts.length > 1 && parts.every((p) => /^[\d.,]+\s*%?$/.test(p)) ? twelveWeights(parts, text, label) : byMonth(trimmed, label);
  const normalised = normalise(weights);
  const said = profileText(normalised);
  return { weights: normalised, understood: said === "even" ? "evenly, a twelfth a month" : said };
}

/** Checks a stored profile: twelve shares, none below 0, adding to one. */
export function profileProblem(weights: readonly number[]): string | undefined {
  if (weights.length !== 12) return `has ${weights.length} monthly weights, not 12 (April to March)`;
  if (weights.some((w) => !Number.isFinite(w) || w < 0)) return "has a weight below 0 or not a number";
  const sum = weights.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > SUM_TOLERANCE) return `adds up to ${percent(sum)}, not 100%`;
  return undefined;
}

/** Each month's share of what has happened by its end: March is 1. */
export function cumulative(weights: Profile | undefined): number[] {
  const shares = weights ?? EVEN;
  let sum = 0;
  return shares.map((w, i) => (i === 11 ? 1 : (sum += w)));
}

function normalise(weights: number[]): Profile {
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / sum);
}

function twelveWeights(parts: string[], text: string, label: string): number[] {
  if (parts.length !== 12)
    fail("value", `${label} ${quoteValue(text)} has ${parts.length} weights: give 12, April to March, separated by ";"`, label);
  const numbers = parts.map((p) => Number(p.replace("%", "").replace(",", ".").trim()));
  const bad = numbers.findIndex((n) => !Number.isFinite(n));
  if (bad >= 0) fail("value", `${label}: the weight for ${monthName(bad + 1)}, ${quoteValue(parts[bad])}, is not a number`, label);
  const sum = numbers.reduce((a, b) => a + b, 0);
  // Percentages add up to 100, shares to 1.
  if (Math.abs(sum - 100) <= 100 * SUM_TOLERANCE) return numbers.map((n) => n / 100);
  if (Math.abs(sum - 1) <= SUM_TOLERANCE) return numbers;
  return fail(
    "value",
    `${label}: the twelve weights add up to ${Number(sum.toFixed(4))}, not 100%: each month's share, April first`,
    label,
  );
}

/** "Sep, Oct" (equal shares) or "Sep 60%, Oct 40%" (each its share, adding up to 100%). */
function byMonth(text: string, label: string): number[] {
  const weights = new Array<number>(12).fill(0);
  const items = text.split(/\s*[,;]\s*|\s+and\s+/i).filter(Boolean);
  const shares: (number | undefined)[] = [];
  const problems: string[] = [];
  for (const item of items) {
    const match = /^(M\d{1,2}|[A-Za-z]+\.?)\s*(?:([\d.]+)\s*%?)?$/i.exec(item);
    const month = match ? monthNumber(match[1]!) : undefined;
    if (!match || month === undefined) {
      problems.push(`${quoteValue(item)} is not a month (Apr to Mar, or M1 to M12)`);
      continue;
    }
    if (weights[month - 1]! > 0 || shares[month - 1] !== undefined) problems.push(`${monthName(month)} is given twice`);
    shares[month - 1] = match[2] === undefined ? undefined : Number(match[2]);
    weights[month - 1] = 1;
  }
  if (problems.length) fail("value", `${label} ${quoteValue(text)}: ${problems.join("; ")}`, label);
  const given = shares.filter((s) => s !== undefined);
  if (given.length === 0) return weights;
  if (given.length !== items.length)
    fail("value", `${label} ${quoteValue(text)}: give every month its share ("Sep 60%, Oct 40%"), or none for equal shares`, label);
  const sum = given.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 100) > 100 * SUM_TOLERANCE)
    fail("value", `${label} ${quoteValue(text)}: the shares add up to ${Number(sum.toFixed(4))}%, not 100%`, label);
  return Array.from({ length: 12 }, (_, i) => (shares[i] ?? 0) / 100);
}
