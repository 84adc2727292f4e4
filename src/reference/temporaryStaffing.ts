import type { Source } from "./source.ts";
import type { FinancialYear } from "./years.ts";

/*
 * What NHS England expects of trusts' temporary staffing spend in a plan
 * year, against the year before. A trust's ICB may set other limits, so the
 * scenario can give its own (drivers table: agencySpendCut, bankSpendCut);
 * these are the national expectations, each with where it was read. A year
 * with no expectation read here has none: the check then says it is not
 * checked unless the planner gives one.
 */

export interface TemporaryStaffingExpectation {
  year: FinancialYear;
  /** The share by which agency spend is to fall, at least, on the year before's. */
  agencyCut: number;
  /** The share by which bank spend is to fall on the year before's. */
  bankCut: number;
  source: Source;
}

export const TEMPORARY_STAFFING_EXPECTATIONS: readonly TemporaryStaffingExpectation[] = [
  {
    year: "2025/26",
    agencyCut: 0.3,
    bankCut: 0.1,
    source: {
      title: "Written answer UIN 71740, NHS England: agency workers, citing the NHS 2025/26 priorities and operational planning guidance",
      publisher: "Department of Health and Social Care, answer to a written question, as published by Parallel Parliament",
      url: "https://www.parallelparliament.co.uk/question/71740/nhs-england-agency-workers",
      kind: "secondary",
      note:
        "The answer says the guidance expects trusts to 'reduce their temporary staffing spend by a minimum of 30% over the financial year and reduce bank spend by 10%', " +
        "answering a question on agency spend (£3.46bn in 2022/23, £3.02bn in 2023/24, £2.07bn in 2024/25); press reports of the same expectation (June 2025) say agency. " +
        "The planning guidance itself was not read here.",
    },
  },
];

/** The national expectation for a plan year, or undefined where none is held. */
export function temporaryStaffingExpectation(year: string): TemporaryStaffingExpectation | undefined {
  return TEMPORARY_STAFFING_EXPECTATIONS.find((e) => e.year === year);
}
