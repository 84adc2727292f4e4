import { z } from "zod";
import { fail } from "../errors.ts";
import { AGENDA_FOR_CHANGE_PAY } from "./agendaForChangePay.ts";
import { EMPLOYER_ON_COSTS, onCostYearSchema, type OnCostYear } from "./employerOnCosts.ts";
import { gradeLabel, type Grade } from "./grades.ts";
import { HIGH_COST_AREA_SUPPLEMENTS, hcasYearSchema, type HcasYear } from "./highCostArea.ts";
import { MEDICAL_PAY } from "./medicalPay.ts";
import { payScaleSchema, type PayScale } from "./payScaleSchema.ts";
import type { FinancialYear } from "./years.ts";

/*
 * The reference data, validated once when the model loads: a figure that breaks
 * its schema stops the model at start-up rather than costing a post wrongly.
 */

const payScales = z.array(payScaleSchema).parse([...AGENDA_FOR_CHANGE_PAY, ...MEDICAL_PAY]);
const hcasYears = z.array(hcasYearSchema).parse(HIGH_COST_AREA_SUPPLEMENTS);
const onCostYears = z.array(onCostYearSchema).parse(EMPLOYER_ON_COSTS);

const payIndex = new Map<string, PayScale>(payScales.map((s) => [`${s.grade}|${s.year}`, s]));

const byYearDescending = (a: string, b: string) => b.localeCompare(a);

function listOr(values: readonly string[], none: string): string {
  return values.length ? values.join(", ") : none;
}

const yearsByGrade = new Map<string, FinancialYear[]>();
for (const scale of payScales) yearsByGrade.set(scale.grade, [...(yearsByGrade.get(scale.grade) ?? []), scale.year as FinancialYear]);
for (const years of yearsByGrade.values()) years.sort(byYearDescending);

/** Years for which pay is held for `grade`, newest first. */
export function payYearsHeld(grade: Grade): FinancialYear[] {
  return [...(yearsByGrade.get(grade) ?? [])];
}

/** The newest year for which pay is held for `grade`. */
export function latestPayYear(grade: Grade): FinancialYear {
  const latest = yearsByGrade.get(grade)?.[0];
  if (!latest) return noPayHeld(grade);
  return latest;
}

function noPayHeld(grade: Grade): never {
  return fail(
    "value",
    `no pay figures are held for ${gradeLabel(grade)}: the medical pay circulars could not be read to confirm them (see the README's reference data)`,
    "band",
  );
}

/** The pay scale for a grade in a year, or an error naming the years held. */
export function payScale(grade: Grade, year: FinancialYear): PayScale {
  const scale = payIndex.get(`${grade}|${year}`);
  if (scale) return scale;
  const held = payYearsHeld(grade);
  if (held.length === 0) return noPayHeld(grade);
  return fail(
    "value",
    `${gradeLabel(grade)} pay for ${year} is not held: held years for ${gradeLabel(grade)} are ${held.join(", ")}`,
    "year",
  );
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

/** Everything held, for the README's tables and the task pane's pickers. */
export const referenceData = { payScales, hcasYears, onCostYears } as const;

export * from "./grades.ts";
export * from "./years.ts";
export { HCAS_AREAS, HCAS_AREA_NAMES, HCAS_PERCENT_SOURCE, type HcasArea, type AreaOrNone, type HcasYear } from "./highCostArea.ts";
export type { OnCostYear } from "./employerOnCosts.ts";
export type { PayScale } from "./payScaleSchema.ts";
export type { Source } from "./source.ts";
