import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { registerWfpFunctions } from "../../engine/hyperformula.ts";
import { loadMetadata } from "../../engine/metadata.ts";
import { Workbook } from "../../engine/workbook.ts";
import type { ScenarioInput } from "../../src/index.ts";
import { chunks, latestVersions, listSavedScenarios, saveScenario, STORE_SHEET } from "../../taskpane/adapter/scenarioStore.ts";
import { installExcelGlobals } from "../../excelHost/index.ts";

beforeAll(async () => registerWfpFunctions(await loadMetadata()));
afterEach(() => {
  delete (globalThis as Record<string, unknown>).Excel;
  delete (globalThis as Record<string, unknown>).Office;
});

const scenario = (name: string, growth = 0.03): ScenarioInput => ({
  name,
  startYear: "2025/26",
  horizonYears: 2,
  staffGroups: [{ name: "Nursing", grades: [{ grade: "5", establishmentFte: 10, inPostFte: 9 }] }],
  drivers: { activityGrowth: growth },
});

/** A workbook whose store sheet holds `rows` as they are (the format before November 2026: name, saved at, parts, JSON). */
function storeWith(rows: (string | number)[][]): { model: Workbook; excel: ReturnType<typeof installExcelGlobals> } {
  const model = new Workbook("Plan");
  model.addSheet(STORE_SHEET);
  model.setContents(STORE_SHEET, 0, 0, [
    ["Scenario", "Saved at", "Parts", "JSON"],
    ...rows.map((row) => row.map((c) => (typeof c === "string" ? `'${c}` : c))),
  ]);
  return { model, excel: installExcelGlobals(model) };
}

describe("the scenario store", () => {
  it("lists every row: usable, first-format rows read as they are, and broken rows kept with why", async () => {
    storeWith([
      ["Old format", "2026-01-01T09:00", 1, JSON.stringify(scenario("Old format"))],
      ["Torn", "2026-01-02T09:00", 1, '{"name":"Torn","startYe'],
      ["Invalid", "2026-01-03T09:00", 1, JSON.stringify({ ...scenario("Invalid"), horizonYears: 40 })],
      ["Future", "2026-01-04T09:00", 1, JSON.stringify({ wfplanScenario: 9, scenario: {} })],
    ]);
    const listed = await listSavedScenarios();
    expect(listed.map((s) => [s.name, s.row, s.schema, Boolean(s.input)])).toEqual([
      ["Old format", 2, 1, true],
      ["Torn", 3, 1, false],
      ["Invalid", 4, 1, false],
      ["Future", 5, 9, false],
    ]);
    expect(listed[1]!.problem).toMatch(/^row 3: its JSON cannot be read/);
    expect(listed[2]!.problem).toMatch(/^row 4: the scenario is not valid: scenario.horizonYears/);
    expect(listed[3]!.problem).toBe("row 5: saved by a newer wfplan (format 9); update wfplan to use it");
    // Compare offers the usable one and lists the others, so one bad row never fails the comparison.
    expect(latestVersions(listed).map((s) => s.name)).toEqual(["Old format", "Torn", "Invalid", "Future"]);
  });

  it("saves once per version, never over a row, and Compare takes each name's newest version", async () => {
    const { model } = storeWith([]);
    expect(await saveScenario(scenario("Base"), "2026-11-24T09:00:00.000Z")).toBe("saved");
    expect(await saveScenario(scenario("Base"), "2026-11-24T09:05:00.000Z")).toBe("unchanged");
    expect(await saveScenario(scenario("Base", 0.05), "2026-11-24T09:10:00.000Z")).toBe("saved");
    expect(await saveScenario(scenario("Growth"), "2026-11-24T09:15:00.000Z")).toBe("saved");
    const listed = await listSavedScenarios();
    expect(listed.map((s) => [s.name, s.savedAt, s.schema])).toEqual([
      ["Base", "2026-11-24T09:00:00.000Z", 2],
      ["Base", "2026-11-24T09:10:00.000Z", 2],
      ["Growth", "2026-11-24T09:15:00.000Z", 2],
    ]);
    expect(latestVersions(listed).map((s) => [s.name, s.savedAt])).toEqual([
      ["Base", "2026-11-24T09:10:00.000Z"],
      ["Growth", "2026-11-24T09:15:00.000Z"],
    ]);
    expect(model.values(STORE_SHEET, { top: 0, left: 0, bottom: 3, right: 0 }).map((r) => r[0])).toEqual([
      "Scenario",
      "Base",
      "Base",
      "Growth",
    ]);
  });

  it("finds its rows wherever they start: with the header row cleared, nothing disappears or is written over", async () => {
    const { model } = storeWith([["First", "2026-01-01T09:00", 1, JSON.stringify(scenario("First"))]]);
    await saveScenario(scenario("Second"), "2026-11-24T10:00:00.000Z");
    model.setContents(STORE_SHEET, 0, 0, [["", "", "", ""]]); // Excel's used range now starts at row 2
    expect((await listSavedScenarios()).map((s) => s.name)).toEqual(["First", "Second"]);
    await saveScenario(scenario("Third"), "2026-11-24T11:00:00.000Z");
    expect((await listSavedScenarios()).map((s) => [s.name, s.row])).toEqual([
      ["First", 2],
      ["Second", 3],
      ["Third", 4],
    ]);
  });

  it("never splits a character across two cells", async () => {
    expect(chunks("a😀b", 2)).toEqual(["a", "😀", "b"]);
    storeWith([]);
    // 30,000-odd characters of emoji in a staff group's name (a cell holds 32,767): a pair falls on the 30,000-character boundary in one of the two.
    const groups = ["😀".repeat(15_000), `x${"😀".repeat(15_000)}`];
    for (const [i, group] of groups.entries()) {
      const input = scenario(`Emoji ${i}`);
      await saveScenario({ ...input, staffGroups: [{ ...input.staffGroups[0]!, name: group }] }, "2026-11-24T12:00:00.000Z");
    }
    const listed = await listSavedScenarios();
    expect(listed.map((s) => s.input?.staffGroups[0]?.name)).toEqual(groups);
  });

  it("reads a store larger than Excel on the web's 5 MB response in blocks", async () => {
    // 180 rows of about 30,000 characters of JSON each (named inputs pad them): 5.4 million characters.
    const inputs = Object.fromEntries(Array.from({ length: 1_850 }, (_, k) => [`input${k}`, k]));
    const rows = Array.from({ length: 180 }, (_, i) => {
      const json = JSON.stringify({ ...scenario(`Scenario ${i}`), inputs });
      return [`Scenario ${i}`, "2026-01-01T09:00", 1, json];
    });
    expect((rows[0]![3] as string).length).toBeGreaterThan(29_000);
    expect((rows[0]![3] as string).length).toBeLessThan(30_000);
    const { excel } = storeWith(rows);
    const listed = await listSavedScenarios();
    expect(listed).toHaveLength(180);
    expect(listed.every((s) => s.input)).toBe(true);
    expect(excel.stats.responseBytes).toBeGreaterThan(5_000_000);
  });
});

describe("the workbench's used range", () => {
  it("starts at the first used cell, as Excel's does", async () => {
    const model = new Workbook("Plan");
    model.setContents("Plan", 3, 2, [
      [1, 2],
      [3, null],
    ]);
    installExcelGlobals(model);
    await Excel.run(async (context) => {
      const used = context.workbook.worksheets.getItem("Plan").getUsedRange(true).load("address, rowIndex, rowCount");
      await context.sync();
      expect([used.address, used.rowIndex, used.rowCount]).toEqual(["Plan!C4:D5", 3, 2]);
    });
  });
});
