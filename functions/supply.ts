/*
 * Supply and flows: staff in post year by year, vacancy and leaver rates.
 * Each function is a thin wrapper: read the arguments, call the planning
 * model in src/, return cells. Its JSDoc is its metadata (functions.json and
 * docs/reference/functions.md are generated from it); names and argument order
 * are a contract with every workbook that uses them: never reorder or rename.
 */
import { leaverRate, projectSupply, vacancyRate } from "../src/calculations.ts";
import { elementwise, single } from "./broadcast.ts";
import { ELEMENTWISE, type CatalogueEntry } from "./shape.ts";
import { toNumber } from "./coerce.ts";
import { singleValue } from "./arguments.ts";

/**
 * Supply projection (stocks and flows): FTE at each year end.
 * @customfunction SUPPLY
 * @helpurl https://localhost:3000/help.html#SUPPLY
 * @param start_fte FTE in post at the start.
 * @param leaver_rate Share leaving each year, as a fraction (0.1 for 10%).
 * @param starters_per_year FTE joining each year from training pipelines.
 * @param years Years to project (1 to 50).
 * @param [other_joiners_per_year] Other FTE joining each year: international recruits, bank conversions (default 0).
 * @returns FTE at each year end, spilled as a row.
 */
export function supply(
  start_fte: any[][],
  leaver_rate: any[][],
  starters_per_year: any[][],
  years: any[][],
  other_joiners_per_year?: any[][],
): any[][] {
  return single(() => {
    const read = (value: unknown, name: string) => toNumber(singleValue(value, name), name);
    const other = singleValue(other_joiners_per_year, "other_joiners_per_year");
    return projectSupply({
      startFte: read(start_fte, "start_fte"),
      leaverRate: read(leaver_rate, "leaver_rate"),
      starters: read(starters_per_year, "starters_per_year"),
      years: read(years, "years"),
      otherJoiners: other === undefined ? 0 : toNumber(other, "other_joiners_per_year"),
    }).map((y) => y.endFte);
  });
}

/**
 * Vacancy rate (NHS Digital): vacancies / establishment.
 * @customfunction VACANCY_RATE
 * @helpurl https://localhost:3000/help.html#VACANCY_RATE
 * @param establishment Funded establishment FTE.
 * @param in_post Staff in post FTE.
 * @returns Vacancy rate as a fraction (negative when over-established).
 */
export function vacancy_rate(establishment: any[][], in_post: any[][]): any[][] {
  return elementwise(
    [
      { name: "establishment", value: establishment },
      { name: "in_post", value: in_post },
    ],
    vacancyRate,
  );
}

/**
 * Leaver rate (NHS Digital): leavers in the period / average headcount over it.
 * @customfunction TURNOVER
 * @helpurl https://localhost:3000/help.html#TURNOVER
 * @param leavers Leavers in the period.
 * @param average_headcount Average headcount (or FTE) over the period.
 * @returns Leaver rate as a fraction.
 */
export function turnover(leavers: any[][], average_headcount: any[][]): any[][] {
  return elementwise(
    [
      { name: "leavers", value: leavers },
      { name: "average_headcount", value: average_headcount },
    ],
    leaverRate,
  );
}

/** This family's functions by the id Excel knows each by (WFP.<id>), with the shape of its result. */
export const entries: Record<string, CatalogueEntry> = {
  // A row as long as the value of `years` (argument 4).
  SUPPLY: {
    run: supply,
    shape: { kind: "row", lengthFromArgument: 3 },
    errors: { "#NUM!": "start_fte or starters is negative, leaver_rate is outside 0 to 1, or years is not a whole number from 1 to 50" },
  },
  VACANCY_RATE: {
    run: vacancy_rate,
    shape: ELEMENTWISE,
    errors: { "#NUM!": "establishment or in_post is negative", "#DIV/0!": "establishment is 0" },
  },
  TURNOVER: {
    run: turnover,
    shape: ELEMENTWISE,
    errors: { "#NUM!": "leavers or average_headcount is negative", "#DIV/0!": "average_headcount is 0" },
  },
};
