/*
 * Workbooks as NHS teams keep them: national templates often come with their
 * sheets protected and their structure locked. Excel refuses an add-in's
 * write to either (AccessDenied), and a job refused half-way would leave
 * results without their stored scenario, or a sheet without its register
 * row. So each job asks first, in the sync it already makes, and where
 * protection stands in its way writes nothing and says every reason at once.
 */

export interface ProtectionNow {
  /** Review → Protect Workbook: no sheet can be added, renamed, hidden or deleted. */
  structure: boolean;
  /** Sheets protected by Review → Protect Sheet, as named. */
  sheets: string[];
}

/** Queues the loads of the workbook's protection, to ride on the caller's next sync. */
export function queueProtection(context: Excel.RequestContext, sheets: Excel.WorksheetCollection): () => ProtectionNow {
  const workbook = context.workbook.protection.load("protected");
  sheets.load("items/name, items/protection/protected");
  return () => ({ structure: workbook.protected, sheets: sheets.items.filter((s) => s.protection.protected).map((s) => s.name) });
}

/** Thrown before anything is written when protection stands in a job's way. */
export class WorkbookProtected extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookProtected";
  }
}

/**
 * What a job will do: sheets it adds (or renames: a kept copy) and sheets it
 * writes on. Throws WorkbookProtected with every reason when it cannot.
 */
export function assertCanWrite(now: ProtectionNow, job: { what: string; adds?: readonly string[]; writes?: readonly string[] }): void {
  const reasons: string[] = [];
  const adds = job.adds ?? [];
  if (now.structure && adds.length)
    reasons.push(`the workbook's structure is protected, so wfplan cannot add ${adds.map((s) => `"${s}"`).join(", ")}`);
  const locked = new Set(now.sheets.map((s) => s.toLowerCase()));
  for (const sheet of job.writes ?? []) if (locked.has(sheet.toLowerCase())) reasons.push(`the sheet "${sheet}" is protected`);
  if (!reasons.length) return;
  const how = [
    now.structure && adds.length ? "Review → Protect Workbook to unlock its structure" : "",
    reasons.some((r) => r.startsWith("the sheet")) ? "Review → Unprotect Sheet on each sheet named" : "",
  ].filter(Boolean);
  throw new WorkbookProtected(
    `Nothing was written: ${job.what} needs to write where Excel will not let it: ${reasons.join("; ")}. ${how.join(", and ")}, then try again (or ask whoever protected the workbook).`,
  );
}
