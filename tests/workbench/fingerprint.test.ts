import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Workbook } from "../../engine/workbook.ts";
import { detectPlanTables, readStoredRow, scenarioFingerprint, sha256, shortFingerprint, type ScenarioInput } from "../../src/index.ts";
import { openWorkbook } from "../../taskpane/adapter/openWorkbook.ts";
import { listSavedScenarios, STORE_SHEET } from "../../taskpane/adapter/scenarioStore.ts";
import { runPlan, type PlanRun } from "../../taskpane/useCases/runPlan.ts";
import { openSample } from "./plan.ts";

/*
 * Every stored version carries the SHA-256 of its input: shown short on the
 * sheets that came from it, checked when the store is read, so a row edited
 * by hand is reported and not used.
 */

describe("SHA-256", () => {
  it("gives FIPS 180-4's answers, and node's for text of every kind", () => {
    expect(sha256("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
    for (const text of ["£ é ☃ 😀", "a lone \ud800 surrogate", "x".repeat(55), "x".repeat(56), "x".repeat(64), "y".repeat(10_000)])
      expect(sha256(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
  });
});

const ward: ScenarioInput = {
  name: "Ward",
  startYear: "2025/26",
  horizonYears: 1,
  staffGroups: [{ name: "Nursing", grades: [{ grade: "5", establishmentFte: 10, inPostFte: 9 }] }],
};
const meta = { row: 4, name: "Ward", savedAt: "2026-12-08T00:00:00Z", parts: 1 };

describe("a stored version's fingerprint", () => {
  it("is checked as a row is read: a match is used, an edit is reported and not used, a row from before fingerprints is read", () => {
    const fingerprint = scenarioFingerprint(ward);
    const sealed = readStoredRow(meta, JSON.stringify({ wfplanScenario: 2, scenario: ward, fingerprint }));
    expect([sealed.fingerprint, sealed.problem, sealed.unsealed]).toEqual([fingerprint, undefined, undefined]);
    const edited = readStoredRow(meta, JSON.stringify({ wfplanScenario: 2, scenario: { ...ward, horizonYears: 2 }, fingerprint }));
    expect(edited.input).toBeUndefined();
    expect(edited.problem).toBe(
      `row 5: its scenario no longer matches its fingerprint ${fingerprint.slice(0, 12)}: it was changed since it was saved, so it is not used (the row is kept as it is)`,
    );
    const before = readStoredRow(meta, JSON.stringify({ wfplanScenario: 2, scenario: ward }));
    expect([before.fingerprint, before.unsealed, before.problem]).toEqual([fingerprint, true, undefined]);
  });
});

describe("fingerprints in the workbook", () => {
  let model: Workbook;
  let run: PlanRun;
  beforeAll(async () => {
    ({ model } = await openSample());
    const view = await openWorkbook();
    run = await runPlan(detectPlanTables(view.tables), { name: "Sealed", startYear: "2025/26", horizonYears: 2 }, { view });
  });

  it("stores each version with its fingerprint, and shows it short on its results and months sheets", async () => {
    const [saved] = await listSavedScenarios();
    expect(saved!.fingerprint).toBe(scenarioFingerprint(saved!.input!));
    const json = JSON.parse(String(model.values(STORE_SHEET, { top: 1, left: 3, bottom: 1, right: 3 })[0]![0]));
    expect(json.fingerprint).toBe(saved!.fingerprint);
    const short = shortFingerprint(saved!.fingerprint!);
    const results = model.values(run.sheet, model.usedRange(run.sheet)!);
    expect(results.find((row) => row[0] === "Version")?.[1]).toBe(
      `${short} (the first digits of the SHA-256 fingerprint of the scenario as stored in the workbook)`,
    );
    const months = model.values(run.monthsSheet, model.usedRange(run.monthsSheet)!);
    expect(
      months.some(
        (row) => row[0] === `Version ${short} of the scenario (the first digits of its SHA-256 fingerprint as stored in the workbook).`,
      ),
    ).toBe(true);
  });

  it("reports a stored row edited by hand, and does not use it", async () => {
    const cell = { top: 1, left: 3, bottom: 1, right: 3 };
    const json = JSON.parse(String(model.values(STORE_SHEET, cell)[0]![0]));
    json.scenario.horizonYears = 5;
    model.setContents(STORE_SHEET, 1, 3, [[`'${JSON.stringify(json)}`]]);
    const [row] = await listSavedScenarios();
    expect(row!.input).toBeUndefined();
    expect(row!.problem).toMatch(/^row 2: its scenario no longer matches its fingerprint [0-9a-f]{12}: it was changed since it was saved/);
  });
});
