import { requireNonNegative } from "../errors.ts";
import { onCostYear, type FinancialYear, type OnCostYear } from "../reference/index.ts";

/**
 * Which employer pension rate a cost includes. NHS employers pay 14.38% from
 * their own budgets ("local"); the full employer contribution, with the part
 * paid centrally and the 0.08% administration levy, is 23.78% from 2024/25
 * ("full"). The default is "full": the economic cost of the post.
 */
export type PensionBasis = "full" | "local";
export const DEFAULT_PENSION_BASIS: PensionBasis = "full";

export interface OnCosts {
  /** Employer (secondary Class 1) National Insurance. */
  nationalInsurance: number;
  /** Full employer pension contribution. */
  pension: number;
  /** The part of the pension contribution paid locally by the employer. */
  pensionLocal: number;
  /** Apprenticeship levy at 0.5% of pay (the £15,000 employer allowance is not spread over posts). */
  apprenticeshipLevy: number;
  /** NI + pension (on `pensionBasis`) + levy. */
  total: number;
  pensionBasis: PensionBasis;
}

/**
 * Employer on-costs for one person on `annualPay` (actual, not whole-time pay,
 * including any HCAS). National Insurance is charged per person on pay above
 * the secondary threshold; pension on pensionable pay (basic + HCAS); the levy
 * on all pay. Annual figures: payroll computes NI per pay period, which can
 * differ by pennies. `year` is a year held, or rates already chosen.
 */
export function employerOnCosts(
  annualPay: number,
  year: FinancialYear | OnCostYear,
  pensionBasis: PensionBasis = DEFAULT_PENSION_BASIS,
  pensionablePay: number = annualPay,
): OnCosts {
  requireNonNegative(annualPay, "annual_pay");
  const into: OnCosts = { nationalInsurance: 0, pension: 0, pensionLocal: 0, apprenticeshipLevy: 0, total: 0, pensionBasis };
  return employerOnCostsInto(annualPay, typeof year === "string" ? onCostYear(year) : year, pensionBasis, pensionablePay, into);
}

/** The same, written into `into`: for a column of pay, one object serves every row. */
export function employerOnCostsInto(
  annualPay: number,
  rates: OnCostYear,
  pensionBasis: PensionBasis,
  pensionablePay: number,
  into: OnCosts,
): OnCosts {
  requireNonNegative(annualPay, "annual_pay");
  into.nationalInsurance = rates.nationalInsurance.rate * Math.max(0, annualPay - rates.nationalInsurance.threshold);
  into.pension = rates.pension.employerRate * pensionablePay;
  into.pensionLocal = rates.pension.paidLocally * pensionablePay;
  into.apprenticeshipLevy = rates.apprenticeshipLevy.rate * annualPay;
  into.total = into.nationalInsurance + (pensionBasis === "full" ? into.pension : into.pensionLocal) + into.apprenticeshipLevy;
  into.pensionBasis = pensionBasis;
  return into;
}
