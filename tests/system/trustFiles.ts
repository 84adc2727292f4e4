import type { ScenarioResult } from "../../src/index.ts";
import { buildTrustFile, ICS_TRUSTS } from "../../examples/icsTrusts.ts";
import { SAMPLE_FILE } from "../../examples/generate.ts";
import { readFileSync } from "node:fs";

/** The three example trusts' workbooks, made and run afresh, with each run's results; plus two files that cannot be used. */
export async function icsFiles(): Promise<{
  trusts: { name: string; bytes: Uint8Array; results: Map<string, ScenarioResult> }[];
  damaged: { name: string; bytes: Uint8Array };
  neverRun: { name: string; bytes: Uint8Array };
}> {
  const trusts = [];
  for (const trust of ICS_TRUSTS) trusts.push({ name: trust.file, ...(await buildTrustFile(trust)) });
  // A workbook cut off half way through copying, and the sample, which wfplan has never run on.
  const whole = trusts[2]!.bytes;
  return {
    trusts,
    damaged: { name: "Copied half way.xlsx", bytes: whole.slice(0, Math.floor(whole.length / 2)) },
    neverRun: { name: "northfield-trust-plan.xlsx", bytes: new Uint8Array(readFileSync(SAMPLE_FILE)) },
  };
}

/** Money to the penny, as a finance lead compares it. */
export const pence = (pounds: number) => Math.round(pounds * 100);
