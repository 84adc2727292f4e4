import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";
import { registerWfpFunctions } from "../../engine/hyperformula.ts";
import { loadMetadata } from "../../engine/metadata.ts";
import { readXlsx } from "../../engine/xlsx.ts";
import { SAMPLE_FILE } from "../../examples/generate.ts";
import { ICS_TRUSTS } from "../../examples/icsTrusts.ts";

/** The three example trusts' saved workbooks (made for this run by tests/globalSetup.ts), and two files that cannot be used. */
export function icsFiles(): {
  trusts: { name: string; bytes: Uint8Array }[];
  damaged: { name: string; bytes: Uint8Array };
  neverRun: { name: string; bytes: Uint8Array };
} {
  const folder = inject("icsFolder");
  const trusts = ICS_TRUSTS.map((t) => ({ name: t.file, bytes: new Uint8Array(readFileSync(join(folder, t.file))) }));
  // A workbook cut off half way through copying, and the sample, which wfplan has never run on.
  const whole = trusts[2]!.bytes;
  return {
    trusts,
    damaged: { name: "Copied half way.xlsx", bytes: whole.slice(0, Math.floor(whole.length / 2)) },
    neverRun: { name: "northfield-trust-plan.xlsx", bytes: new Uint8Array(readFileSync(SAMPLE_FILE)) },
  };
}

export interface OwnRow {
  year: string;
  staffGroup: string;
  gapFte: number;
  totalCost: number;
  agencyCost: number;
  budget: number;
}

/**
 * A trust's own results as its workbook's results sheet holds them (the sheet
 * the pane wrote when the trust ran the scenario), by header: what the system
 * view's totals must add up to.
 */
export async function ownResults(bytes: Uint8Array, scenario: string): Promise<OwnRow[]> {
  registerWfpFunctions(await loadMetadata());
  const book = await readXlsx(bytes);
  const table = book.tables.find((t) => t.sheet === `WFP ${scenario}`)!;
  const [header, ...rows] = book.values(table.sheet, table.range);
  const at = (name: string) => header!.indexOf(name);
  return rows.map((row) => ({
    year: String(row[at("Year")]),
    staffGroup: String(row[at("Staff group")]),
    gapFte: Number(row[at("Gap FTE")]),
    totalCost: Number(row[at("Total pay cost")]),
    agencyCost: Number(row[at("Agency cost")]),
    budget: Number(row[at("Budget")]),
  }));
}

/** Money to the penny, as a finance lead compares it. */
export const pence = (pounds: number) => Math.round(pounds * 100);
