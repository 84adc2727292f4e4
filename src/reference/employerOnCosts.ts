import { z } from "zod";
import { isoDate, sourceSchema, type Source } from "./source.ts";

/*
 * Employer on-costs by year. National Insurance runs by tax year (from 6 April)
 * and is filed here under the financial year starting the same April.
 */

const NI_2025: Source = {
  title: "Changes to the Class 1 National Insurance contributions Secondary Threshold and secondary rate from 6 April 2025",
  publisher: "HM Revenue & Customs (GOV.UK tax information and impact note)",
  url: "https://www.gov.uk/government/publications/secondary-class-1-national-insurance-contributions-changes-to-the-secondary-threshold-and-secondary-rate",
  published: "2024-11-13",
  kind: "primary",
  note: "Secondary rate 13.8% to 15%; secondary threshold £9,100 to £5,000 a year, fixed until 5 April 2028.",
};

const PENSION_2024: Source = {
  title: "NHS Pension Scheme – employer contributions",
  publisher: "NHS Employers",
  url: "https://www.nhsemployers.org/articles/nhs-pension-scheme-employer-contributions",
  published: "2024-03-14",
  kind: "primary",
  note: "From 1 April 2024 23.7% plus the 0.08% administration levy; employers pay 14.38% locally and the rest is paid centrally (NHSBSA employer contribution rates 2024/25).",
};

const PENSION_2023: Source = {
  ...PENSION_2024,
  note: "Until 31 March 2024 20.6% plus the 0.08% administration levy; employers paid 14.38% locally and 6.3% was paid centrally.",
};

const LEVY: Source = {
  title: "Pay Apprenticeship Levy",
  publisher: "HM Revenue & Customs (GOV.UK)",
  url: "https://www.gov.uk/guidance/pay-apprenticeship-levy",
  kind: "primary",
  note: "0.5% of the employer's pay bill, less an allowance of £15,000 a year per employer.",
};

const rateSource = z.object({ source: sourceSchema });

export const onCostYearSchema = z.object({
  year: z.string().regex(/^\d{4}\/\d{2}$/),
  effectiveFrom: isoDate,
  nationalInsurance: rateSource.extend({
    /** Secondary Class 1 rate, as a fraction. */
    rate: z.number().min(0).max(1),
    /** Secondary threshold per person per year, in pounds. */
    threshold: z.number().nonnegative(),
  }),
  pension: rateSource.extend({
    /** Full employer contribution including the administration levy, as a fraction. */
    employerRate: z.number().min(0).max(1),
    /** The part NHS employers pay from their own budgets, as a fraction. */
    paidLocally: z.number().min(0).max(1),
  }),
  apprenticeshipLevy: rateSource.extend({
    rate: z.number().min(0).max(1),
    allowancePerEmployer: z.number().nonnegative(),
  }),
});
export type OnCostYear = z.infer<typeof onCostYearSchema>;

const NI_BEFORE_2025 = { rate: 0.138, threshold: 9100, source: NI_2025 };
const LEVY_RATES = { rate: 0.005, allowancePerEmployer: 15000, source: LEVY };

export const EMPLOYER_ON_COSTS: readonly OnCostYear[] = [
  {
    year: "2025/26",
    effectiveFrom: "2025-04-06",
    nationalInsurance: { rate: 0.15, threshold: 5000, source: NI_2025 },
    pension: {
      employerRate: 0.2378,
      paidLocally: 0.1438,
      source: { ...PENSION_2024, note: `${PENSION_2024.note} The rate stands until the 2024 valuation takes effect on 1 April 2027.` },
    },
    apprenticeshipLevy: LEVY_RATES,
  },
  {
    year: "2024/25",
    effectiveFrom: "2024-04-06",
    nationalInsurance: NI_BEFORE_2025,
    pension: { employerRate: 0.2378, paidLocally: 0.1438, source: PENSION_2024 },
    apprenticeshipLevy: LEVY_RATES,
  },
  {
    year: "2023/24",
    effectiveFrom: "2023-04-06",
    nationalInsurance: NI_BEFORE_2025,
    pension: { employerRate: 0.2068, paidLocally: 0.1438, source: PENSION_2023 },
    apprenticeshipLevy: LEVY_RATES,
  },
];
