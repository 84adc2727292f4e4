import { z } from "zod";
import { AFC_BANDS, MEDICAL_GRADES } from "./grades.ts";
import { isoDate, sourceSchema } from "./source.ts";

const yearSchema = z.string().regex(/^\d{4}\/\d{2}$/, "expected a financial year such as 2025/26");

export const payPointSchema = z.object({
  /** "entry", "intermediate", "top", or a numbered point for medical scales. */
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
  })
  .refine((scale) => scale.points.every((point, i, all) => i === 0 || point.annual > all[i - 1]!.annual), {
    message: "pay points must rise from entry to top",
  });

export type PayScaleData = z.input<typeof payScaleSchema>;
export type PayScale = z.output<typeof payScaleSchema>;
