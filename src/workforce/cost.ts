import { fail, requireFraction, requireNonNegative } from "../errors.ts";
import {
  gradeLabel,
  hcasYearsHeld,
  isMedicalGrade,
  latestPayYear,
  onCostRatesForCosting,
  payYearsHeld,
  type AreaOrNone,
  type FinancialYear,
  type Grade,
  type OnCostYear,
  type PayTable,
} from "../reference/index.ts";
import { highCostAreaSupplement } from "./highCostArea.ts";
import { DEFAULT_PENSION_BASIS, type PensionBasis } from "./onCosts.ts";
import { basicPay, type BasicPay, type PayPoint } from "./pay.ts";

/**
 * Cover for hours that substantive staff do not work: `uncoveredShare` of the
 * post's hours is worked by bank and agency staff, `agencyShare` of that by
 * agency, each costing the substantive loaded rate plus its premium
 * (0.5 = 50% dearer).
 */
export interface TemporaryCover {
  uncoveredShare: number;
  agencyShare?: number;
  bankPremium?: number;
  agencyPremium?: number;
}

export interface PostCostOptions {
  point?: PayPoint;
  year?: FinancialYear;
  area?: AreaOrNone;
  pensionBasis?: PensionBasis;
  cover?: TemporaryCover;
  /** A pay table from the workbook, whose rows override wfplan's figures. */
  payTable?: PayTable;
  /**
   * Multiplies basic pay, for years beyond the newest pay table (1.03 after a
   * 3% award). On-costs are recomputed on the raised pay, so the NI threshold
   * stays a fixed number of pounds, as it is in law.
   */
  payFactor?: number;
}

export interface PostCost extends CostParts {
  grade: Grade;
  year: FinancialYear;
  /** The year whose on-cost rates were used: `year`, or the newest held before it. */
  onCostYear: FinancialYear;
  /** Where the basic pay figure comes from, and what to know before relying on it. */
  paySource: BasicPay["source"];
  payCaveat?: string;
  fte: number;
  /** Extra for bank and agency premiums on uncovered hours (0 without cover). */
  temporaryPremium: number;
  total: number;
}

/**
 * Splits an aggregate FTE into people for National Insurance, which is charged
 * per person above a per-person threshold: 2.5 FTE is costed as two whole-time
 * posts and one 0.5 FTE post.
 */
export function postsForFte(fte: number): number[] {
  const whole = Math.floor(fte + 1e-9);
  const remainder = fte - whole;
  const posts = Array.from({ length: whole }, () => 1);
  if (remainder > 1e-9) posts.push(remainder);
  return posts;
}

/**
 * Everything a cost needs that does not depend on FTE, resolved once for a
 * grade, point, year and area: the whole-time pay and supplement and the
 * on-cost rates. Costing many rows of one kind then takes only arithmetic.
 */
export interface CostBasis {
  grade: Grade;
  pay: BasicPay;
  /** Whole-time basic pay, after any pay factor. */
  annual: number;
  wholeTimeHcas: number;
  rates: OnCostYear;
  pensionBasis: PensionBasis;
  /** The rates, flat, for the arithmetic: the pension rate the total includes (full or paid locally). */
  pensionRate: number;
  niRate: number;
  niThreshold: number;
  levyRate: number;
}

export function costBasis(grade: Grade, options: Omit<PostCostOptions, "cover"> = {}): CostBasis {
  const area = options.area ?? "none";
  if (area !== "none" && isMedicalGrade(grade)) {
    fail("value", "high cost area supplements apply to Agenda for Change staff; medical London weighting is not held", "area");
  }
  const year = options.year ?? newestCostYear(grade, area, options.payTable);
  const pay = basicPay(grade, options.point ?? "top", year, options.payTable);
  const pensionBasis = options.pensionBasis ?? DEFAULT_PENSION_BASIS;
  const annual = pay.annual * requireNonNegative(options.payFactor ?? 1, "pay factor");
  const rates = onCostRatesForCosting(pay.year);
  return {
    grade,
    pay,
    annual,
    wholeTimeHcas: highCostAreaSupplement(annual, area, pay.year),
    rates,
    pensionBasis,
    pensionRate: pensionBasis === "full" ? rates.pension.employerRate : rates.pension.paidLocally,
    niRate: rates.nationalInsurance.rate,
    niThreshold: rates.nationalInsurance.threshold,
    levyRate: rates.apprenticeshipLevy.rate,
  };
}

/** The parts of a cost, in pounds. */
export interface CostParts {
  basic: number;
  highCostArea: number;
  nationalInsurance: number;
  pension: number;
  apprenticeshipLevy: number;
  onCosts: number;
  /** Basic + HCAS + on-costs for substantive staff working every hour. */
  substantive: number;
}

export const emptyCostParts = (): CostParts => ({
  basic: 0,
  highCostArea: 0,
  nationalInsurance: 0,
  pension: 0,
  apprenticeshipLevy: 0,
  onCosts: 0,
  substantive: 0,
});

/**
 * The cost of `fte` of one basis, written into `into` (which is returned): the
 * one place the arithmetic lives, for a single post and for 100,000 rows.
 * Every whole-time post costs the same, so 10,000 FTE is costed as one
 * whole-time post times 10,000 plus one part-time post, as postsForFte splits
 * it; National Insurance is charged per person above its threshold. No object
 * is made here, so a caller costing many rows reuses one `into`.
 */
export function costOfFte(basis: CostBasis, fte: number, into: CostParts): CostParts {
  if (!(fte >= 0 && fte < Infinity)) requireNonNegative(fte, "fte");
  into.basic = into.highCostArea = into.nationalInsurance = into.pension = into.apprenticeshipLevy = into.onCosts = 0;
  const wholePosts = Math.floor(fte + 1e-9);
  const part = fte - wholePosts;
  if (wholePosts) addPosts(basis, 1, wholePosts, into);
  if (part > 1e-9) addPosts(basis, part, 1, into);
  into.substantive = into.basic + into.highCostArea + into.onCosts;
  return into;
}

function addPosts(basis: CostBasis, share: number, count: number, into: CostParts): void {
  const basic = basis.annual * share;
  const hcas = basis.wholeTimeHcas * share;
  const pay = basic + hcas;
  const nationalInsurance = basis.niRate * Math.max(0, pay - basis.niThreshold);
  const pension = basis.pensionRate * pay;
  const apprenticeshipLevy = basis.levyRate * pay;
  into.basic += basic * count;
  into.highCostArea += hcas * count;
  into.nationalInsurance += nationalInsurance * count;
  into.pension += pension * count;
  into.apprenticeshipLevy += apprenticeshipLevy * count;
  into.onCosts += (nationalInsurance + pension + apprenticeshipLevy) * count;
}

/**
 * Fully loaded annual cost of a post or a group of posts of one grade: basic pay
 * pro rata, HCAS, employer NI (per person), pension (full or local) and the
 * apprenticeship levy, plus any bank and agency premium.
 */
export function postCost(grade: Grade, fte: number, options: PostCostOptions = {}): PostCost {
  requireNonNegative(fte, "fte");
  const basis = costBasis(grade, options);
  const parts = costOfFte(basis, fte, emptyCostParts());
  const temporaryPremium = options.cover ? parts.substantive * temporaryPremiumRate(options.cover) : 0;
  return {
    grade,
    year: basis.pay.year,
    onCostYear: basis.rates.year as FinancialYear,
    paySource: basis.pay.source,
    payCaveat: basis.pay.caveat,
    fte,
    ...parts,
    temporaryPremium,
    total: parts.substantive + temporaryPremium,
  };
}

/**
 * The year a cost uses when none is given: the newest year that holds the
 * grade's pay (a workbook pay table's years included) and, in a high cost
 * area, that year's supplement. On-costs carry forward (onCostRatesForCosting).
 */
export function newestCostYear(grade: Grade, area: AreaOrNone = "none", table?: PayTable): FinancialYear {
  const payYears = payYearsHeld(grade, table);
  if (payYears.length === 0) return latestPayYear(grade, table);
  if (area === "none") return payYears[0]!;
  const hcas = new Set(hcasYearsHeld());
  const year = payYears.find((y) => hcas.has(y));
  if (year) return year;
  return fail(
    "value",
    `no year holds both ${gradeLabel(grade)} pay (${payYears.join(", ")}) and high cost area supplements (${[...hcas].join(", ")})`,
    "year",
  );
}

/** The premium over substantive cost, as a fraction of it, that `cover` adds. */
export function temporaryPremiumRate(cover: TemporaryCover): number {
  const uncovered = requireFraction(cover.uncoveredShare, "uncovered share");
  const agency = requireFraction(cover.agencyShare ?? 0, "agency share");
  const bankPremium = requireNonNegative(cover.bankPremium ?? 0, "bank premium");
  const agencyPremium = requireNonNegative(cover.agencyPremium ?? 0, "agency premium");
  return uncovered * ((1 - agency) * bankPremium + agency * agencyPremium);
}
