import { fail } from "../errors.ts";
import { AGENDA_FOR_CHANGE_PAY } from "./agendaForChangePay.ts";
import { EMPLOYER_ON_COSTS, type OnCostYear } from "./employerOnCosts.ts";
import { gradeLabel, type Grade } from "./grades.ts";
import { HIGH_COST_AREA_SUPPLEMENTS, type HcasYear } from "./highCostArea.ts";
import { MEDICAL_PAY } from "./medicalPay.ts";
import type { PayScale, ReferencePayScale } from "./payScaleSchema.ts";
import { mergePayTable, payTableFromCells, readPayTable, type PayTable, type PayTableRowInput } from "./payTable.ts";
import type { FinancialYear } from "./years.ts";

/*
 * The reference data, as typed data. It is checked against its zod schemas
 * (src/reference/validate.ts) by every build and by the tests, so a figure
 * that breaks its schema never ships; the pane and the functions then load it
 * without validating it again.
 */

const payScales: readonly ReferencePayScale[] = [...AGENDA_FOR_CHANGE_PAY, ...MEDICAL_PAY];
const hcasYears: readonly HcasYear[] = HIGH_COST_AREA_SUPPLEMENTS;
const onCostYears: readonly OnCostYear[] = EMPLOYER_ON_COSTS;

const payIndex = new Map<string, PayScale>(payScales.map((s) => [`${s.grade}|${s.year}`, s]));

const byYearDescending = (a: string, b: string) => b.localeCompare(a);

function listOr(values: readonly string[], none: string): string {
  return values.length ? values.join(", ") : none;
}

const yearsByGrade = new Map<string, FinancialYear[]>();
for (const scale of payScales) yearsByGrade.set(scale.grade, [...(yearsByGrade.get(scale.grade) ?? []), scale.year as FinancialYear]);
for (const years of yearsByGrade.values()) years.sort(byYearDescending);

/** Years for which pay is held for `grade`, newest first, counting a workbook pay table's. */
export function payYearsHeld(grade: Grade, table?: PayTable): FinancialYear[] {
  const held = yearsByGrade.get(grade) ?? [];
  if (!table) return [...held];
  return [...new Set([...held, ...table.yearsFor(grade)])].sort(byYearDescending);
}

/** The newest year for which pay is held for `grade`. */
export function latestPayYear(grade: Grade, table?: PayTable): FinancialYear {
  const latest = payYearsHeld(grade, table)[0];
  if (!latest) return noPayHeld(grade, table);
  return latest;
}

function noPayHeld(grade: Grade, table?: PayTable): never {
  return fail(
    "value",
    `no pay figures are held for ${gradeLabel(grade)}${table ? ` and the pay table ${table.source.title} has no row for it` : ""}`,
    "band",
  );
}

/**
 * The pay scale for a grade in a year, from a workbook pay table where it has
 * rows for it (laid over wfplan's figures), or an error naming the missing row
 * and the years held.
 */
export function payScale(grade: Grade, year: FinancialYear, table?: PayTable): PayScale {
  const builtIn = payIndex.get(`${grade}|${year}`);
  const scale = table ? mergePayTable(table, grade, year, builtIn) : builtIn;
  if (scale) return scale;
  const held = payYearsHeld(grade, table);
  const inTable = table ? ` (nor is there a row for ${year}, ${gradeLabel(grade)} in the pay table ${table.source.title})` : "";
  if (held.length === 0) return noPayHeld(grade, table);
  return fail(
    "value",
    `${gradeLabel(grade)} pay for ${year} is not held${inTable}: held years for ${gradeLabel(grade)} are ${held.join(", ")}`,
    "year",
  );
}

/**
 * Reads a workbook pay table and checks each of its grades and years against
 * wfplan's scales at once, so one error lists every bad row.
 */
export function loadPayTable(rows: readonly PayTableRowInput[], title: string): PayTable {
  return checked(readPayTable(rows, title));
}

/** The same for a pay table given as a range: a function's `pay_table` argument. */
export function loadPayTableCells(cells: readonly (readonly unknown[])[], argument = "pay_table"): PayTable {
  return checked(payTableFromCells(cells, argument));
}

function checked(table: PayTable): PayTable {
  const problems: string[] = [];
  const scales = new Set(table.rows.map((row) => `${row.grade}|${row.year}`));
  for (const key of scales) {
    const [grade, year] = key.split("|") as [Grade, FinancialYear];
    try {
      mergePayTable(table, grade, year, payIndex.get(key));
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (problems.length) fail("value", problems.join("; "), "pay_table");
  return table;
}

/** Years for which HCAS rates are held, newest first. */
export function hcasYearsHeld(): FinancialYear[] {
  return hcasYears.map((y) => y.year as FinancialYear).sort(byYearDescending);
}

export function highCostAreaYear(year: FinancialYear): HcasYear {
  const found = hcasYears.find((y) => y.year === year);
  if (found) return found;
  const held = hcasYears.map((y) => y.year).sort(byYearDescending);
  return fail("value", `high cost area supplement rates for ${year} are not held: held years are ${listOr(held, "none")}`, "year");
}

export function onCostYear(year: FinancialYear): OnCostYear {
  const found = onCostYears.find((y) => y.year === year);
  if (found) return found;
  const held = onCostYears.map((y) => y.year).sort(byYearDescending);
  return fail("value", `employer on-cost rates for ${year} are not held: held years are ${listOr(held, "none")}`, "year");
}

/** The newest year for which employer on-costs are held. */
export function latestOnCostYear(): FinancialYear {
  return onCostYears.map((y) => y.year as FinancialYear).sort(byYearDescending)[0]!;
}

/**
 * The on-cost rates a cost in `year` uses: that year's, or for a year after the
 * newest held, the newest held rates carried forward (as a scenario's later
 * years are; the NI threshold is frozen to April 2031 and the pension rate
 * stands to 31 March 2027). A year before the oldest held is an error.
 */
export function onCostRatesForCosting(year: FinancialYear): OnCostYear {
  const held = onCostYears.find((y) => y.year === year);
  if (held) return held;
  const before = onCostYears.filter((y) => y.year < year).sort((a, b) => byYearDescending(a.year, b.year))[0];
  return before ?? onCostYear(year);
}

/** Everything held, for the reference data tables (docs/reference/reference-data.md) and the task pane's pickers. */
export const referenceData = { payScales, hcasYears, onCostYears } as const;

export * from "./grades.ts";
export * from "./years.ts";
export * from "./nhsStaffGroups.ts";
export { HCAS_AREAS, HCAS_AREA_NAMES, HCAS_PERCENT_SOURCE, type HcasArea, type AreaOrNone, type HcasYear } from "./highCostArea.ts";
export type { OnCostYear } from "./employerOnCosts.ts";
export type { PayScale, WorkbookSource } from "./payScaleSchema.ts";
export type { PayTable, PayTableRow, PayTableRowInput } from "./payTable.ts";
export type { Source } from "./source.ts";
export * from "./temporaryStaffing.ts";
