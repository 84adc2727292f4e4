import { z } from "zod";
import { AGENDA_FOR_CHANGE_PAY } from "./agendaForChangePay.ts";
import { EMPLOYER_ON_COSTS } from "./employerOnCosts.ts";
import { HIGH_COST_AREA_SUPPLEMENTS } from "./highCostArea.ts";
import { hcasYearSchema, onCostYearSchema } from "./referenceSchemas.ts";
import { MEDICAL_PAY } from "./medicalPay.ts";
import { payScaleSchema } from "./payScaleSchema.ts";

/**
 * Checks every figure of the reference data against its schema (a source and
 * its kind, an effective date, pay rising from entry to top, rates between 0
 * and 1). Run by the build (vite.config.ts) and the tests; it throws with
 * every problem and where it is.
 */
export function validateReferenceData(): void {
  const problems = [
    ["pay scales", z.array(payScaleSchema).safeParse([...AGENDA_FOR_CHANGE_PAY, ...MEDICAL_PAY])],
    ["high cost area supplements", z.array(hcasYearSchema).safeParse(HIGH_COST_AREA_SUPPLEMENTS)],
    ["employer on-costs", z.array(onCostYearSchema).safeParse(EMPLOYER_ON_COSTS)],
  ] as const;
  const failed = problems.flatMap(([what, result]) =>
    result.success ? [] : result.error.issues.map((issue) => `${what}[${issue.path.join(".")}]: ${issue.message}`),
  );
  if (failed.length) throw new Error(`the reference data breaks its schema: ${failed.join("; ")}`);
}
