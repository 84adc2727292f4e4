import { z } from "zod";
import { isoDate, sourceSchema } from "./source.ts";

/*
 * The schemas of the high cost area and on-cost data, apart from the data so
 * that loading the figures (in Excel, the pane, the CLI) never loads zod: they
 * are checked by the build and the tests (validate.ts).
 */

const bandSchema = z.object({
  percent: z.number().positive().max(100),
  minimum: z.number().int().positive(),
  maximum: z.number().int().positive(),
});

export const hcasYearSchema = z.object({
  year: z.string().regex(/^\d{4}\/\d{2}$/),
  effectiveFrom: isoDate,
  areas: z.object({ inner: bandSchema, outer: bandSchema, fringe: bandSchema }),
  source: sourceSchema,
});
export type HcasYear = z.infer<typeof hcasYearSchema>;

const rateSource = z.object({ effectiveFrom: isoDate, source: sourceSchema });

export const onCostYearSchema = z.object({
  year: z.string().regex(/^\d{4}\/\d{2}$/),
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
