import {
  icsSummary,
  PERCENT_RANGES,
  readPercent,
  loadDriverExpressions,
  trustPlan,
  uniqueTrustNames,
  type IcsSummary,
  type SystemBankSettings,
  type TrustPlan,
} from "../../src/index.ts";
import type { TrustWorkbook } from "../../files/trustWorkbook.ts";
import { writeIcsSummary } from "../adapter/icsSummary.ts";

/*
 * The system view's steps, for the pane: read the trusts' workbooks the
 * planner picked (in the pane, from the files alone: nothing is uploaded),
 * then run the scenario chosen for each and write the ICS summary into the
 * open workbook. A file that cannot be used is skipped and said, with why;
 * the others go on.
 */

export interface PickedFile {
  name: string;
  bytes: ArrayBuffer | Uint8Array;
}

export interface Skipped {
  file: string;
  reason: string;
}

/** Reads each picked workbook's saved scenarios; trusts named by file, made unique. */
export async function readTrustFiles(files: readonly PickedFile[]): Promise<{ read: TrustWorkbook[]; skipped: Skipped[] }> {
  // The reader, with its zip library, loads only when a planner picks trusts' files: most planners never do, and the pane loads less.
  const { readTrustWorkbook, TrustFileError } = await import("../../files/trustWorkbook.ts");
  const read: TrustWorkbook[] = [];
  const skipped: Skipped[] = [];
  for (const file of files) {
    try {
      read.push(await readTrustWorkbook(file.bytes, file.name));
    } catch (error) {
      if (!(error instanceof TrustFileError)) throw error;
      skipped.push({ file: file.name, reason: error.message.slice(file.name.length + 2) });
    }
  }
  const names = uniqueTrustNames(read.map((r) => r.trust));
  return { read: read.map((r, i) => ({ ...r, trust: names[i]! })), skipped };
}

export interface SystemView {
  sheet: string;
  keptCopy?: string;
  /** Where this Excel cannot set the page up (no ExcelApi 1.9): what the planner should do instead. */
  pageNotSetUp?: string;
  summary: IcsSummary;
  /** Trusts whose chosen scenario could not be run, each with why. */
  skipped: Skipped[];
}

/** Runs each trust's chosen scenario and writes the ICS summary sheet. */
export async function writeSystemView(
  chosen: readonly { workbook: TrustWorkbook; scenario: string }[],
  bank: SystemBankSettings,
): Promise<SystemView> {
  const plans: TrustPlan[] = [];
  const skipped: Skipped[] = [];
  await loadDriverExpressions();
  for (const { workbook, scenario } of chosen) {
    try {
      plans.push(trustPlan(workbook, scenario));
    } catch (error) {
      skipped.push({ file: workbook.file, reason: (error as Error).message.slice(workbook.file.length + 2) });
    }
  }
  const summary = icsSummary(plans, bank);
  return { ...(await writeIcsSummary(summary)), summary, skipped };
}

/** The collaborative bank as the planner types it: percentages, and a cap in FTE for any staff group (blank: no cap). */
export interface BankForm {
  share: string;
  fee: string;
  caps: Record<string, string>;
}

/** Reads the bank's fields: the settings, or every problem at once, each naming its field. */
export function readBankForm(form: BankForm): { settings?: SystemBankSettings; problems: string[] } {
  const problems: string[] = [];
  const percent = (text: string, label: string, range: (typeof PERCENT_RANGES)["bankFee"]) => {
    try {
      return readPercent(text, label, range).fraction;
    } catch (error) {
      problems.push((error as Error).message);
      return 0;
    }
  };
  const share = percent(form.share, "Agency cover the bank fills", PERCENT_RANGES.bankFee);
  const fee = percent(form.fee, "The bank's management fee", PERCENT_RANGES.bankFee);
  const capFte: Record<string, number> = {};
  for (const [group, text] of Object.entries(form.caps)) {
    if (!text.trim()) continue;
    const fte = Number(text.replace(",", "."));
    if (!Number.isFinite(fte) || fte < 0)
      problems.push(`The cap for ${group} "${text}" is not FTE: type a number of 0 or more, or leave it blank`);
    else capFte[group] = fte;
  }
  return problems.length ? { problems } : { settings: { share, fee, capFte }, problems };
}
