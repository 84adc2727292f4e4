import { z } from "zod";
import { AFC_BANDS, MEDICAL_GRADES } from "./grades.ts";
import { isoDate, sourceSchema, type Source } from "./source.ts";

const yearSchema = z.string().regex(/^\d{4}\/\d{2}$/, "expected a financial year such as 2025/26");

export const payPointSchema = z.object({
  /** "entry", "intermediate", "top" for Agenda for Change; "1" to "5" (nodal points), "2a" (consultant thresholds) for medical scales. */
  name: z.string().min(1),
  /** Annual basic pay for a whole-time post, in pounds. */
  annual: z.number().int().positive(),
  /** Years at this point before the next one; absent on the last point. */
  yearsToNext: z.number().int().positive().optional(),
});

export const payScaleSchema = z
  .object({
    grade: z.enum([...AFC_BANDS, ...MEDICAL_GRADES]),
    year: yearSchema,
    effectiveFrom: isoDate,
    weeklyHours: z.number().positive(),
    points: z.array(payPointSchema).min(1),
    source: sourceSchema,
    /** What a user must know before relying on the figures (paid before a later award, revised since). */
    caveat: z.string().min(1).optional(),
  })
  .refine((scale) => scale.points.every((point, i, all) => i === 0 || point.annual > all[i - 1]!.annual), {
    message: "pay points must rise from entry to top",
  });

export type PayScaleData = z.input<typeof payScaleSchema>;
/** A scale of wfplan's own reference data. */
export type ReferencePayScale = z.output<typeof payScaleSchema>;

/** A pay scale from wfplan's reference data or from a pay table in the workbook, which overrides it. */
export type PayScale = Omit<ReferencePayScale, "source"> & { source: Source | WorkbookSource };

/** Figures the planner supplied in a pay table in the workbook. */
export interface WorkbookSource {
  kind: "workbook";
  /** Where the table is: "pay_table argument" or "Pay tables!A1:E40". */
  title: string;
}
