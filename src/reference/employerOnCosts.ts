import type { OnCostYear } from "./referenceSchemas.ts";
import type { Source } from "./source.ts";

export type { OnCostYear };

/*
 * Employer on-costs by year. National Insurance and the levy run by tax year
 * (from 6 April), the pension rate by scheme year (from 1 April): each is filed
 * under the financial year that starts the same April, with its own date.
 * 2026/27 is not held: its NI rates are known (secondary) but the pension
 * split for that year was not found.
 */

const NI_2025: Source = {
  title:
    "Changes to the Class 1 National Insurance contributions Secondary Threshold, the secondary Class 1 National Insurance contributions rate and the Employment Allowance",
  publisher: "HM Revenue & Customs (GOV.UK tax information and impact note)",
  url: "https://www.gov.uk/government/publications/changes-to-the-class-1-national-insurance-contributions-secondary-threshold-the-secondary-class-1-national-insurance-contributions-rate-and-the-empl",
  published: "2024-11-13",
  kind: "primary",
  note: "Secondary rate 13.8% to 15%; secondary threshold £9,100 to £5,000 a year from 6 April 2025 until 5 April 2028 (National Insurance Contributions (Secondary Class 1 Contributions) Act 2025).",
};

const PENSION_2024: Source = {
  title: "NHS Pension Scheme - employer contributions from April 2024",
  publisher: "NHS Employers",
  url: "http://nhsemployers.org/your-workforce/pay-and-reward/pensions/pension-contribution-tax-relief",
  published: "2024-03-14",
  kind: "primary",
  note: "From 1 April 2024 23.7% plus the 0.08% administration levy, 23.78%; employers pay 14.38% and 9.4% is funded centrally (also NHSBSA, https://nhsbsa.nhs.uk/nhs-pension-scheme-employer-contribution-rates-202425).",
};

const PENSION_2025: Source = {
  title: "NHS Pension Scheme employer contribution rates 2025/26",
  publisher: "NHSBSA",
  url: "https://nhsbsa.nhs.uk/nhs-pension-scheme-employer-contribution-rates-202526",
  kind: "primary",
  note: `Employers' payroll keeps applying 14.38% in 2025/26; NHS England pays the remaining 9.4% centrally. The 23.78% rate stands until the 2024 valuation takes effect on 1 April 2027 (${PENSION_2024.url}).`,
};

const PENSION_2023: Source = {
  title: "NHS Pension Scheme: employer contributions",
  publisher: "NHS Employers",
  url: "https://www.nhsemployers.org/articles/nhs-pension-scheme-employer-contributions",
  kind: "primary",
  note: "Until 31 March 2024 20.6% plus the 0.08% administration levy, 20.68%; employers paid 14.38% and 6.3% was funded centrally.",
};

const LEVY: Source = {
  title: "Finance Act 2016, section 99 (apprenticeship levy)",
  publisher: "legislation.gov.uk",
  url: "https://www.legislation.gov.uk/ukpga/2016/24/section/99",
  kind: "primary",
  note: 'The "relevant percentage" is 0.5% of the pay bill (s.99(6)), less a levy allowance of £15,000 a year per employer (s.99(5)).',
};

const taxYear = (year: number) => `${year}-04-06`;
const schemeYear = (year: number) => `${year}-04-01`;
const NI_BEFORE_2025 = { rate: 0.138, threshold: 9100, source: NI_2025 };
const levy = (year: number) => ({ rate: 0.005, allowancePerEmployer: 15000, effectiveFrom: taxYear(year), source: LEVY });

export const EMPLOYER_ON_COSTS: readonly OnCostYear[] = [
  {
    year: "2025/26",
    nationalInsurance: { rate: 0.15, threshold: 5000, effectiveFrom: taxYear(2025), source: NI_2025 },
    pension: { employerRate: 0.2378, paidLocally: 0.1438, effectiveFrom: schemeYear(2025), source: PENSION_2025 },
    apprenticeshipLevy: levy(2025),
  },
  {
    year: "2024/25",
    nationalInsurance: { ...NI_BEFORE_2025, effectiveFrom: taxYear(2024) },
    pension: { employerRate: 0.2378, paidLocally: 0.1438, effectiveFrom: schemeYear(2024), source: PENSION_2024 },
    apprenticeshipLevy: levy(2024),
  },
  {
    year: "2023/24",
    nationalInsurance: { ...NI_BEFORE_2025, effectiveFrom: taxYear(2023) },
    pension: { employerRate: 0.2068, paidLocally: 0.1438, effectiveFrom: schemeYear(2023), source: PENSION_2023 },
    apprenticeshipLevy: levy(2023),
  },
];
