import type { ScenarioResult } from "../scenario/run.ts";
import { groupMapping } from "./submission.ts";
import { statusOf } from "./planAgainstActual.ts";

/*
 * Every month of every staff group as one table, the trust's own groups as
 * they are (the submission adds them up by NHS staff group): each figure the
 * model works out for the month, and, for the months with actuals, the
 * actual beside it with its variance and status. For filtering, pivoting
 * and checking any figure of the months sheet back to its parts.
 */

export type DetailCell = string | number;

/** The table's columns: a header, how a cell of it is formatted ("@" text, "wte", "pounds"), and its value for a row. */
type Column = [header: string, format: "@" | "wte" | "pounds", value: (row: DetailRow) => DetailCell];

interface DetailRow {
  month: ScenarioResult["months"][number];
  nhsGroup: string;
  actual?: NonNullable<ScenarioResult["scenario"]["actuals"]>[number];
  tolerance: number;
}

const blank = (value: number | undefined): DetailCell => (value === undefined ? "" : value);
const planTotal = (r: DetailRow) => r.month.closingFte + r.month.bankFte + r.month.collaborativeBankFte + r.month.agencyFte;
const actualTotal = (r: DetailRow) => (r.actual ? r.actual.substantiveFte + r.actual.bankFte + r.actual.agencyFte : undefined);

const COLUMNS: readonly Column[] = [
  ["Year", "@", (r) => r.month.year],
  ["Month", "@", (r) => r.month.monthName],
  ["Staff group", "@", (r) => r.month.staffGroup],
  ["NHS staff group", "@", (r) => r.nhsGroup],
  ["Opening substantive WTE", "wte", (r) => r.month.openingFte],
  ["Starters from training", "wte", (r) => r.month.startersFte],
  ["International recruits", "wte", (r) => r.month.internationalFte],
  ["Bank staff taking posts", "wte", (r) => r.month.conversionsFte],
  ["New roles filled", "wte", (r) => r.month.newRoleFte],
  ["Vacancies filled", "wte", (r) => r.month.vacancyFilledFte],
  ["Leavers", "wte", (r) => r.month.leaversFte],
  ["Retirements", "wte", (r) => r.month.retirementsFte],
  ["Closing substantive WTE", "wte", (r) => r.month.closingFte],
  ["Bank WTE", "wte", (r) => r.month.bankFte],
  ["Collaborative bank WTE", "wte", (r) => r.month.collaborativeBankFte],
  ["Agency WTE", "wte", (r) => r.month.agencyFte],
  ["Total WTE", "wte", (r) => r.month.totalFte],
  ["WTE needed", "wte", (r) => r.month.requiredFte],
  ["Gap WTE", "wte", (r) => r.month.gapFte],
  ["Establishment WTE", "wte", (r) => r.month.establishmentFte],
  ["Vacancies WTE", "wte", (r) => r.month.vacancyFte],
  ["Substantive cost", "pounds", (r) => r.month.substantiveCost],
  ["Bank cost", "pounds", (r) => r.month.bankCost],
  ["Collaborative bank cost", "pounds", (r) => r.month.collaborativeBankCost],
  ["Agency cost", "pounds", (r) => r.month.agencyCost],
  ["Total pay cost", "pounds", (r) => r.month.totalCost],
  ["Pay budget", "pounds", (r) => r.month.budget],
  ["Actual substantive WTE", "wte", (r) => blank(r.actual?.substantiveFte)],
  ["Actual bank WTE", "wte", (r) => blank(r.actual?.bankFte)],
  ["Actual agency WTE", "wte", (r) => blank(r.actual?.agencyFte)],
  ["Actual pay", "pounds", (r) => blank(r.actual?.paySpend)],
  ["Variance WTE", "wte", (r) => blank(r.actual ? actualTotal(r)! - planTotal(r) : undefined)],
  ["Variance £", "pounds", (r) => blank(r.actual?.paySpend === undefined ? undefined : r.actual.paySpend - r.month.totalCost)],
  [
    "Status",
    "@",
    (r) => {
      if (!r.actual) return "";
      const plan = planTotal(r);
      const shares = [plan > 0 ? (actualTotal(r)! - plan) / plan : 0];
      if (r.actual.paySpend !== undefined && r.month.totalCost > 0)
        shares.push((r.actual.paySpend - r.month.totalCost) / r.month.totalCost);
      return statusOf(shares, r.tolerance);
    },
  ],
];

export interface MonthDetail {
  headers: string[];
  formats: ("@" | "wte" | "pounds")[];
  rows: DetailCell[][];
}

/** The months of every staff group and year, with their actuals where the first year has them. */
export function monthDetail(result: ScenarioResult): MonthDetail {
  const nhs = new Map(groupMapping(result).map((m) => [m.staffGroup, m.nhsGroup]));
  const actuals = result.scenario.actuals ?? [];
  const tolerance = result.scenario.options.actualsTolerance;
  const rows = result.months.map((month) => {
    const actual = month.yearIndex === 1 ? actuals.find((a) => a.month === month.month && a.staffGroup === month.staffGroup) : undefined;
    const row: DetailRow = { month, nhsGroup: nhs.get(month.staffGroup) ?? "Unknown", ...(actual ? { actual } : {}), tolerance };
    return COLUMNS.map(([, , value]) => value(row));
  });
  return { headers: COLUMNS.map(([header]) => header), formats: COLUMNS.map(([, format]) => format), rows };
}
