import { beforeAll, describe, expect, it } from "vitest";
import type { Workbook } from "../../engine/workbook.ts";
import { detectPlanTables, latestVersions, readStoredRow, statusText, versionStatus, type ScenarioChoices } from "../../src/index.ts";
import { openWorkbook } from "../../taskpane/adapter/openWorkbook.ts";
import { listSavedScenarios, reviewScenario, STORE_SHEET } from "../../taskpane/adapter/scenarioStore.ts";
import { runPlan } from "../../taskpane/useCases/runPlan.ts";
import { openSample } from "./plan.ts";

/*
 * A version's status: put for review, returned with its reason, approved;
 * each change a row of its own on the store with who and why, the version
 * named by its fingerprint. An unchanged re-run is the same version, still
 * approved; a changed one is a new Draft, the approved one as it was.
 */

const choices: ScenarioChoices = { name: "Reviewed", startYear: "2025/26", horizonYears: 2 };
const KHAN = "A. Khan, director of workforce";

let model: Workbook;
beforeAll(async () => {
  ({ model } = await openSample());
  const view = await openWorkbook();
  await runPlan(detectPlanTables(view.tables), choices, { view });
});

const newest = async () => latestVersions(await listSavedScenarios()).find((v) => v.name === "Reviewed")!;
const storeRows = () => model.usedRange(STORE_SHEET)!.bottom;

describe("reviewing a scenario's versions", () => {
  it("starts as a draft, and records each change of status as a row of its own", async () => {
    const version = await newest();
    const all = await listSavedScenarios();
    expect(versionStatus(all, version.fingerprint).status).toBe("Draft");
    const rows = storeRows();
    await reviewScenario(version, { status: "For review", by: KHAN, comment: "For the January board" });
    expect(storeRows()).toBe(rows + 1);
    const after = await listSavedScenarios();
    expect(versionStatus(after, version.fingerprint).status).toBe("For review");
    expect(statusText(after, version.fingerprint)).toMatch(
      /^For review by A\. Khan, director of workforce, \d{4}-\d{2}-\d{2} \d{2}:\d{2}: For the January board$/,
    );
    // The review row is not a version: the list still offers the scenario once, at its version.
    expect(latestVersions(after).filter((v) => v.name === "Reviewed")).toEqual([version]);
  });

  it("refuses a return without its reason, and a change with no one named, writing nothing", async () => {
    const version = await newest();
    const rows = storeRows();
    await expect(reviewScenario(version, { status: "Returned", by: KHAN, comment: " " })).rejects.toThrow(
      `"Reviewed" cannot be marked Returned: say why it is returned: a returned version carries its reason.`,
    );
    await expect(reviewScenario(version, { status: "Approved", by: "", comment: "" })).rejects.toThrow(
      "give your name and role: the review records who changed the status",
    );
    expect(storeRows()).toBe(rows);
    await reviewScenario(version, { status: "Returned", by: KHAN, comment: "Agency needs the ICB's cut" });
    await reviewScenario(version, { status: "Approved", by: KHAN, comment: "" });
    expect(versionStatus(await listSavedScenarios(), version.fingerprint).status).toBe("Approved");
  });

  it("keeps an unchanged re-run as the approved version, and makes a changed one a new draft", async () => {
    const approved = await newest();
    const view = await openWorkbook();
    const same = await runPlan(detectPlanTables(view.tables), choices, { view });
    expect(same.stored).toBe("unchanged");
    expect(versionStatus(await listSavedScenarios(), (await newest()).fingerprint).status).toBe("Approved");
    const changed = await runPlan(detectPlanTables(same.view.tables), { ...choices, payAward: 0.04 }, { view: same.view });
    expect(changed.stored).toBe("saved");
    const all = await listSavedScenarios();
    const draft = await newest();
    expect(draft.fingerprint).not.toBe(approved.fingerprint);
    expect(versionStatus(all, draft.fingerprint).status).toBe("Draft");
    // The approved version is on the store as it was, still approved, its input whole.
    const old = all.find((row) => row.fingerprint === approved.fingerprint)!;
    expect([old.input, versionStatus(all, old.fingerprint).status]).toEqual([approved.input, "Approved"]);
  });

  it("reports a review row that cannot be used, and keeps it", () => {
    const meta = { row: 9, name: "Reviewed", savedAt: "2026-12-08T10:00:00Z", parts: 1 };
    const read = (review: unknown) => readStoredRow(meta, JSON.stringify({ wfplanScenario: 2, review }));
    expect(read({ version: "f".repeat(64), status: "Signed off", by: KHAN, comment: "" }).problem).toBe(
      'row 10: a review that cannot be used: "Signed off" is not a status: use Draft, For review, Approved, Returned',
    );
    expect(read({ version: "f".repeat(64), status: "Approved", by: KHAN, comment: "" }).review).toEqual({
      version: "f".repeat(64),
      status: "Approved",
      by: KHAN,
      comment: "",
    });
  });
});
