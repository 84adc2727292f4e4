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
  type PayTable,
} from "../reference/index.ts";
import { highCostAreaSupplement } from "./highCostArea.ts";
import { employerOnCosts, DEFAULT_PENSION_BASIS, type PensionBasis } from "./onCosts.ts";
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

export interface PostCost {
  grade: Grade;
  year: FinancialYear;
  /** The year whose on-cost rates were used: `year`, or the newest held before it. */
  onCostYear: FinancialYear;
  /** Where the basic pay figure comes from, and what to know before relying on it. */
  paySource: BasicPay["source"];
  payCaveat?: string;
  fte: number;
  basic: number;
  highCostArea: number;
  nationalInsurance: number;
  pension: number;
  apprenticeshipLevy: number;
  onCosts: number;
  /** Basic + HCAS + on-costs for substantive staff working every hour. */
  substantive: number;
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
 * Fully loaded annual cost of a post or a group of posts of one grade: basic pay
 * pro rata, HCAS, employer NI (per person), pension (full or local) and the
 * apprenticeship levy, plus any bank and agency premium.
 */
export function postCost(grade: Grade, fte: number, options: PostCostOptions = {}): PostCost {
  requireNonNegative(fte, "fte");
  const area = options.area ?? "none";
  if (area !== "none" && isMedicalGrade(grade)) {
    fail("value", "high cost area supplements apply to Agenda for Change staff; medical London weighting is not held", "area");
  }
  const year = options.year ?? newestCostYear(grade, area, options.payTable);
  const pay = basicPay(grade, options.point ?? "top", year, options.payTable);
  const pensionBasis = options.pensionBasis ?? DEFAULT_PENSION_BASIS;
  const annual = pay.annual * requireNonNegative(options.payFactor ?? 1, "pay factor");
  const wholeTimeHcas = highCostAreaSupplement(annual, area, pay.year);
  const rates = onCostRatesForCosting(pay.year);

  const cost = { basic: 0, highCostArea: 0, nationalInsurance: 0, pension: 0, apprenticeshipLevy: 0, onCosts: 0 };
  // Every whole-time post costs the same: cost one and multiply, so 10,000 FTE is as quick as 1.
  const addPosts = (share: number, count: number) => {
    const basic = annual * share;
    const hcas = wholeTimeHcas * share;
    const onCosts = employerOnCosts(basic + hcas, rates, pensionBasis);
    cost.basic += basic * count;
    cost.highCostArea += hcas * count;
    cost.nationalInsurance += onCosts.nationalInsurance * count;
    cost.pension += (pensionBasis === "full" ? onCosts.pension : onCosts.pensionLocal) * count;
    cost.apprenticeshipLevy += onCosts.apprenticeshipLevy * count;
    cost.onCosts += onCosts.total * count;
  };
  // As postsForFte splits it, without listing 10,000 posts one by one.
  const wholePosts = Math.floor(fte + 1e-9);
  const part = fte - wholePosts;
  if (wholePosts) addPosts(1, wholePosts);
  if (part > 1e-9) addPosts(part, 1);

  const substantive = cost.basic + cost.highCostArea + cost.onCosts;
  const temporaryPremium = options.cover ? substantive * temporaryPremiumRate(options.cover) : 0;
  return {
    grade,
    year: pay.year,
    onCostYear: rates.year as FinancialYear,
    paySource: pay.source,
    payCaveat: pay.caveat,
    fte,
    ...cost,
    substantive,
    temporaryPremium,
    total: substantive + temporaryPremium,
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
