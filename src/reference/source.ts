import { z } from "zod";

// zod probes for code generation with Function(""), which the pages' Content-Security-Policy refuses (and reports):
// validate without it. Set here, where the model first loads zod, before any schema parses.
z.config({ jitless: true });

/**
 * Where a figure comes from. `kind` is "primary" for the body that sets the
 * figure (NHS Employers, NHSBSA, GOV.UK, the NHS Terms and Conditions Handbook)
 * and "secondary" for a third party reproducing it, which docs/reference/reference-data.md lists as
 * awaiting confirmation.
 */
export const sourceSchema = z.object({
  title: z.string().min(1),
  publisher: z.string().min(1),
  url: z.string().url(),
  published: z.string().optional(),
  kind: z.enum(["primary", "secondary"]),
  note: z.string().optional(),
});
export type Source = z.infer<typeof sourceSchema>;

/** An ISO date (yyyy-mm-dd) on which a figure takes effect. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected yyyy-mm-dd");
