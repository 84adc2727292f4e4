import type { PayScaleData } from "./payScaleSchema.ts";
import type { Source } from "./source.ts";

/*
 * Agenda for Change (England) annual basic pay for a whole-time post (37.5 hours
 * a week), by band and pay step point.
 *
 * Held: all bands for 2025/26; bands 2 to 8d for 2024/25; all bands for
 * 2023/24. Each band's figures carry their own source: bands 8a to 8d of
 * 2024/25 and bands 8c to 9 of 2023/24 rest on secondary sources (read in
 * November 2026, ../shared/reference/sources-read-2026-11.md). Not held:
 * band 9 for 2024/25 (its intermediate point was found nowhere, its entry and
 * top only in public code) and any 2026/27 table (the 3.3% award is announced,
 * the table could not be read; a pay table in the workbook serves until then).
 * Asking for a figure not held gives an error naming the years that are.
 */

const NHS_EMPLOYERS_2025: Source = {
  title: "Pay scales for 2025/26",
  publisher: "NHS Employers",
  url: "https://www.nhsemployers.org/articles/pay-scales-202526",
  kind: "primary",
  note: "Corroborated by payroll guides reproducing NHS Employers' table; the 3.6% award for 2025/26.",
};

const NHS_EMPLOYERS_2024: Source = {
  title: "Pay scales for 2024/25",
  publisher: "NHS Employers",
  url: "https://www.nhsemployers.org/articles/pay-scales-202425",
  kind: "primary",
  note: "Bands 2 to 6 also read on Health Careers, 'Agenda for change - pay rates' (healthcareers.nhs.uk); the 5.5% award for 2024/25.",
};

const NHS_EMPLOYERS_2023: Source = {
  title: "Pay scales for 2023/24",
  publisher: "NHS Employers",
  url: "https://www.nhsemployers.org/articles/pay-scales-202324",
  kind: "primary",
  note: "NHS Employers' band posters 'What the AfC pay deal means for each pay band' (19 May 2023).",
};

const INTERMEDIATE_8A_FAQ: Source = {
  title: "Bands 8a and above intermediate pay point FAQs",
  publisher: "NHS Employers",
  url: "https://nhsemployers.org/news/bands-8a-and-above-intermediate-pay-point-faqs",
  published: "2024-10-04",
  kind: "primary",
  note: "An intermediate point in each of bands 8a and above, effective from 1 April 2024 and implemented from 1 November 2024, reached after two years; the top three years later.",
};

/** 2024/25 bands 8a to 8d, entry, intermediate and top. */
const RCNI_BAND_8_2024: Source = {
  title: "NHS band 8 shake-up: new AfC pay points allow faster progression",
  publisher: "RCNi Nursing Jobs",
  url: "https://www.rcninursingjobs.co.uk/article/nhs-band-8-shake-up-new-afc-pay-points-allow-faster-progression",
  kind: "secondary",
  note: `Gives NHS Employers as its source: "Band 8a £53,755 rising to £56,454 after two years; £60,504 after a further three years". One public file gives band 8d's top as £102,493; RCNi's £101,677 is held. Step years: ${INTERMEDIATE_8A_FAQ.url}`,
};

/** 2023/24 bands 8c, 8d and 9, whose Northern Ireland figures equal England's that year. */
const HSC_NI_2023: Source = {
  title: "Pay Bands and Pay Points for HSC Staff (updated 12/06/2024)",
  publisher: "HSC Northern Ireland jobs",
  url: "https://jobs.hscni.net/Information/8/pay-bands-in-health-social-care",
  kind: "secondary",
  note: "Northern Ireland's table, whose 2023/24 figures equal England's: \"Band 8c | £70,417 | 5 Years | £81,138\". Entry of 8c corroborated by roadtonhs.com.",
};

type Steps = readonly [number, ...number[]];

interface YearTable {
  year: string;
  effectiveFrom: string;
  source: Source;
  /** Annual pay at each point, entry first, by band. */
  pay: Record<string, Steps>;
  /** Bands whose figures come from another source than the year's. */
  sourceOf?: Record<string, Source>;
}

/**
 * Years at each point before the next, for each point but the last. Bands 8a to
 * 9 waited five years at entry until 2023/24; from 2024/25 they have an
 * intermediate point after two years and the top three years later.
 */
function stepYears(band: string, year: string): readonly number[] {
  if (band.startsWith("8") || band === "9") return year >= "2024/25" ? [2, 3] : [5];
  return { "2": [], "3": [2], "4": [3], "5": [2, 2], "6": [2, 3], "7": [2, 3] }[band] ?? [];
}

const POINT_NAMES: Record<number, readonly string[]> = {
  1: ["entry"],
  2: ["entry", "top"],
  3: ["entry", "intermediate", "top"],
};

function payScale(band: string, table: YearTable, annual: Steps): PayScaleData {
  const names = POINT_NAMES[annual.length] ?? [];
  const years = stepYears(band, table.year);
  return {
    grade: band as PayScaleData["grade"],
    year: table.year,
    effectiveFrom: table.effectiveFrom,
    weeklyHours: 37.5,
    points: annual.map((value, index) => ({ name: names[index] ?? `point ${index + 1}`, annual: value, yearsToNext: years[index] })),
    source: table.sourceOf?.[band] ?? table.source,
  };
}

const TABLES: readonly YearTable[] = [
  {
    year: "2025/26",
    effectiveFrom: "2025-04-01",
    source: { ...NHS_EMPLOYERS_2025, note: `${NHS_EMPLOYERS_2025.note} Step years of bands 8a to 9: ${INTERMEDIATE_8A_FAQ.url}` },
    pay: {
      "2": [24465],
      "3": [24937, 26598],
      "4": [27485, 30162],
      "5": [31049, 33487, 37796],
      "6": [38682, 40823, 46580],
      "7": [47810, 50273, 54710],
      "8a": [55690, 58487, 62682],
      "8b": [64455, 68631, 74896],
      "8c": [76965, 81652, 88682],
      "8d": [91342, 96941, 105337],
      "9": [109179, 115763, 125637],
    },
  },
  {
    year: "2024/25",
    effectiveFrom: "2024-04-01",
    source: NHS_EMPLOYERS_2024,
    pay: {
      "2": [23615],
      "3": [24071, 25674],
      "4": [26530, 29114],
      "5": [29970, 32324, 36483],
      "6": [37338, 39405, 44962],
      "7": [46148, 48526, 52809],
      "8a": [53755, 56454, 60504],
      "8b": [62215, 66246, 72293],
      "8c": [74290, 78814, 85601],
      "8d": [88168, 93572, 101677],
    },
    sourceOf: { "8a": RCNI_BAND_8_2024, "8b": RCNI_BAND_8_2024, "8c": RCNI_BAND_8_2024, "8d": RCNI_BAND_8_2024 },
  },
  {
    year: "2023/24",
    effectiveFrom: "2023-04-01",
    source: NHS_EMPLOYERS_2023,
    pay: {
      "2": [22383],
      "3": [22816, 24336],
      "4": [25147, 27596],
      "5": [28407, 30639, 34581],
      "6": [35392, 37350, 42618],
      "7": [43742, 45996, 50056],
      "8a": [50952, 57349],
      "8b": [58972, 68525],
      "8c": [70417, 81138],
      "8d": [83571, 96376],
      "9": [99891, 114949],
    },
    sourceOf: { "8c": HSC_NI_2023, "8d": HSC_NI_2023, "9": HSC_NI_2023 },
  },
];

export const AGENDA_FOR_CHANGE_PAY: readonly PayScaleData[] = TABLES.flatMap((table) =>
  Object.entries(table.pay).map(([band, annual]) => payScale(band, table, annual)),
);
