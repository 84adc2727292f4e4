import type { FieldRead } from "../useCases/scenarioForm.ts";

/** What a field says under it: what was understood, or why it cannot be used. */
export function feedback(read: FieldRead) {
  return "problem" in read
    ? { validationState: "error" as const, validationMessage: read.problem }
    : { validationState: "none" as const, validationMessage: `Read as ${read.understood}` };
}
