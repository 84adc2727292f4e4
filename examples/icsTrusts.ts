/*
 * Three trusts of the fictional Northfield and Vale ICS, each a planning
 * workbook made by the sample generator and run by the task pane's own use
 * case on the workbench's Excel API, then saved: what a system view reads.
 * Made up and deterministic, like the sample. Thameside is in inner London
 * and plans on the 2024/25 pay tables: wfplan holds high cost area rates to
 * 2024/25. Vale pays pension on-costs as paid locally.
 *
 *   npm run examples   (writes examples/ics/*.xlsx)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { detectPlanTables, type ScenarioChoices, type ScenarioResult } from "../src/index.ts";
import { registerWfpFunctions } from "../engine/hyperformula.ts";
import { loadMetadata } from "../engine/metadata.ts";
import { writeXlsx } from "../engine/xlsx.ts";
import { installExcelGlobals } from "../excelHost/index.ts";
import { listTables } from "../taskpane/adapter/planTables.ts";
import { runPlan } from "../taskpane/useCases/runPlan.ts";
import { buildSample, ICS_FOLDER, type TrustProfile } from "./generate.ts";

export interface IcsTrust {
  file: string;
  profile: TrustProfile;
  /** The scenarios run in it, in order. */
  scenarios: ScenarioChoices[];
}

const plan = (name: string, startYear: string, more: Partial<ScenarioChoices>): ScenarioChoices => ({
  name,
  startYear,
  horizonYears: 5,
  activityGrowth: 0.03,
  payAward: 0.03,
  vacancyFill: 0.3,
  headroom: 0.22,
  ...more,
});

export const ICS_TRUSTS: IcsTrust[] = [
  {
    file: "Northfield Hospitals.xlsx",
    profile: { trust: "Northfield Hospitals NHS Foundation Trust", scale: 0.5, area: "none", payYear: "2025/26", seed: 20251123 },
    scenarios: [
      plan("Plan 2025", "2025/26", { bankPremium: 0.25, agencyPremium: 0.8 }),
      plan("Stretch", "2025/26", { bankPremium: 0.25, agencyPremium: 0.8, activityGrowth: 0.05 }),
    ],
  },
  {
    file: "Thameside University Hospitals.xlsx",
    profile: { trust: "Thameside University Hospitals NHS Trust", scale: 0.35, area: "inner", payYear: "2024/25", seed: 7 },
    scenarios: [plan("Plan 2025", "2024/25", { bankPremium: 0.3, agencyPremium: 1.2 })],
  },
  {
    file: "Vale Community Health.xlsx",
    profile: { trust: "Vale Community Health NHS Trust", scale: 0.2, area: "none", payYear: "2025/26", seed: 11 },
    scenarios: [plan("Plan 2025", "2025/26", { bankPremium: 0.2, agencyPremium: 1.0, pensionBasis: "local" })],
  },
];

/** A trust's workbook with its scenarios run and stored, saved as .xlsx; the results of each run, by scenario name, and its staff records. */
export async function buildTrustFile(
  trust: IcsTrust,
): Promise<{ bytes: Uint8Array; results: Map<string, ScenarioResult>; staffRecords: number }> {
  registerWfpFunctions(await loadMetadata());
  const model = buildSample(trust.profile);
  installExcelGlobals(model);
  const roles = detectPlanTables(await listTables());
  const results = new Map<string, ScenarioResult>();
  for (const choices of trust.scenarios) results.set(choices.name, (await runPlan(roles, choices)).result);
  const staff = model.tables.find((t) => t.name === "tblStaff")!.range;
  return { bytes: (await writeXlsx(model)).bytes, results, staffRecords: staff.bottom - staff.top };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(ICS_FOLDER, { recursive: true });
  for (const trust of ICS_TRUSTS) {
    const file = `${ICS_FOLDER}/${trust.file}`;
    writeFileSync(file, (await buildTrustFile(trust)).bytes);
    console.log(`Wrote ${file}.`);
  }
}
