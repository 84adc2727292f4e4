import type { PayScaleData } from "./payScaleSchema.ts";
import type { Source } from "./source.ts";

/*
 * Agenda for Change (England) annual basic pay for a whole-time post (37.5 hours
 * a week), by band and pay step point.
 *
 * Held: all bands for 2025/26; bands 2 to 7 for 2024/25; bands 2 to 8b for
 * 2023/24. Not held, because no primary table could be read to confirm them:
 * 2024/25 bands 8a to 9 (their new intermediate points were only derived from
 * 2025/26 by dividing by the 3.6% award) and 2023/24 bands 8c to 9. Asking for
 * them gives an error naming the years that are held.
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
  url: "https://www.nhsemployers.org/news/bands-8a-and-above-intermediate-pay-point-faqs",
  published: "2024-10-04",
  kind: "primary",
  note: "From 1 April 2024 bands 8a to 9 have an intermediate point reached after two years; the top stays five years from entry.",
};

type Steps = readonly [number, ...number[]];

interface YearTable {
  year: string;
  effectiveFrom: string;
  source: Source;
  /** Annual pay at each point, entry first, by band. */
  pay: Record<string, Steps>;
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
    source: table.source,
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
    },
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
    },
  },
];

export const AGENDA_FOR_CHANGE_PAY: readonly PayScaleData[] = TABLES.flatMap((table) =>
  Object.entries(table.pay).map(([band, annual]) => payScale(band, table, annual)),
);
