import type { HcasYear } from "./referenceSchemas.ts";
import type { Source } from "./source.ts";

export type { HcasYear };

/*
 * High Cost Area Supplements (NHS Terms and Conditions of Service Handbook,
 * section 4 and Annex 9): a percentage of basic salary, bounded by a minimum
 * and a maximum payment that change every year. Pensionable; not basic pay for
 * overtime or unsocial hours.
 *
 * Held: 2023/24 and 2024/25, each from one secondary source (Annex 9 itself
 * could not be read). Not held: 2025/26, for which two secondary sources
 * disagree (nhspayscales.co.uk repeats 2024/25's minimums; a union blog gives
 * other minimums and maxima £1 apart), so it is left out rather than risk a
 * wrong supplement; and 2026/27, for which none was found.
 */

export const HCAS_AREAS = ["inner", "outer", "fringe"] as const;
export type HcasArea = (typeof HCAS_AREAS)[number];
export type AreaOrNone = HcasArea | "none";

export const HCAS_AREA_NAMES: Record<HcasArea, string> = {
  inner: "Inner London",
  outer: "Outer London",
  fringe: "Fringe",
};

/** The percentages have stood since the 2004 agreement. */
export const HCAS_PERCENT_SOURCE: Source = {
  title: "NHS Terms and Conditions of Service Handbook, section 4 (pay in high cost areas) and Annex 9",
  publisher: "NHS Employers",
  url: "https://www.nhsemployers.org/tchandbook/part-2-pay/section-4-pay-in-high-cost-areas",
  kind: "primary",
};

export const HIGH_COST_AREA_SUPPLEMENTS: readonly HcasYear[] = [
  {
    year: "2024/25",
    effectiveFrom: "2024-04-01",
    areas: {
      inner: { percent: 20, minimum: 5415, maximum: 8171 },
      outer: { percent: 15, minimum: 4552, maximum: 5735 },
      fringe: { percent: 5, minimum: 1258, maximum: 2121 },
    },
    source: {
      title: "NHS Pay Scales 2024/25 (confirmed 5.5%, updated August 2024)",
      publisher: "nhspayscales.co.uk",
      url: "https://nhspayscales.co.uk/nhs-pay-scales-2024-25-predicted/",
      kind: "secondary",
      note: "The only source found: 'Inner London 20% £5,415 £8,171 / Outer London 15% £4,552 £5,735 / Fringes 5% £1,258 £2,121'. Percentages from the Handbook, section 4.",
    },
  },
  {
    year: "2023/24",
    effectiveFrom: "2023-04-01",
    areas: {
      inner: { percent: 20, minimum: 5132, maximum: 7745 },
      outer: { percent: 15, minimum: 4313, maximum: 5436 },
      fringe: { percent: 5, minimum: 1192, maximum: 2011 },
    },
    source: {
      title: "What is the NHS High Cost Area Supplement (HCAS)? (values for 2023/24)",
      publisher: "unilondon.co.uk",
      url: "https://unilondon.co.uk/what-is-the-nhs-high-cost-area-supplement-hcas",
      kind: "secondary",
      note: "Percentages from the Handbook, section 4. nhspayscales.co.uk gives a fringe minimum of £1,193.",
    },
  },
];
