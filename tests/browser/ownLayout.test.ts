import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerWfpFunctions } from "../../engine/hyperformula.ts";
import { loadMetadata } from "../../engine/metadata.ts";
import { readXlsx } from "../../engine/xlsx.ts";
import { runScenario } from "../../src/index.ts";
import { latestVersions, listSavedScenarios } from "../../taskpane/adapter/scenarioStore.ts";
import { installExcelGlobals } from "../../excelHost/index.ts";
import { blockExternalRequests, screenshot, SCREENSHOTS, servedBrowser } from "./browser.ts";

/*
 * A planner's own workbook in the workbench, laid out as no one here chose:
 * an ESR extract as a plain range under title rows with ESR's column names
 * and a band typed wrong, an activity plan starting at B2, standards as a
 * named range, the budget as a table. The pane proposes each link, the run
 * leaves the bad row out and links to it, the planner follows the link and
 * fixes it; a second scenario takes every HEE Star action; a re-run of an
 * edited sheet asks first; a saved scenario opens back in the form with
 * drivers typed by year and as expressions; a run is cancelled and run again;
 * the Board summary is written; the file is saved, its output cells checked
 * against the model run directly on the scenario stored in it, and opened
 * again with its scenarios, links and output sheets as they were.
 */

async function trustFile(path: string): Promise<void> {
  // A fresh clone has no test-results folder until a test makes one.
  mkdirSync(dirname(path), { recursive: true });
  const file = new ExcelJS.Workbook();
  const esr = file.addWorksheet("ESR extract");
  esr.addRows([
    ["Staff in post, Northgate Community NHS Trust"],
    ["Extracted from ESR, 31 March 2026"],
    [],
    ["Assignment Number", "Organisation", "Staff Group", "Pay Band", "Contracted WTE", "Cost Centre"],
    ["10000001", "Northgate", "Nursing", "Band 5", 1, "W100"],
    ["10000002", "Northgate", "Nursing", "Band 5", 0.8, "W100"],
    ["10000003", "Northgate", "Nursing", "Band 55", 1, "W100"],
    ["10000004", "Northgate", "Nursing", "Band 6", 1, "W100"],
    ["10000005", "Northgate", "Support", "Band 3", 1, "W100"],
  ]);
  const activity = file.addWorksheet("Activity");
  activity.getCell("B2").value = "Point of delivery";
  activity.getCell("C2").value = "Planned activity";
  activity.getCell("D2").value = "Currency";
  activity.getCell("B3").value = "Home visits";
  activity.getCell("C3").value = 12000;
  activity.getCell("D3").value = "visits";
  const standards = file.addWorksheet("Standards");
  [
    ["Service line", "Staff group", "Minutes per unit"],
    ["Home visits", "Nursing", 45],
    ["Home visits", "Support", 20],
  ].forEach((row, r) => row.forEach((value, c) => (standards.getCell(5 + r, 5 + c).value = value)));
  file.definedNames.add("Standards!$E$5:$G$7", "StaffingStandards");
  const finance = file.addWorksheet("Finance");
  finance.addTable({
    name: "tblBudget",
    ref: "A1",
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: [{ name: "Cost centre" }, { name: "Staff group" }, { name: "Budget 2025/26" }],
    rows: [
      ["W100", "Nursing", 120000],
      ["W100", "Support", 30000],
    ],
  });
  const establishment = file.addWorksheet("Establishment");
  establishment.addRows([
    ["Staff group", "Band", "Establishment FTE"],
    ["Nursing", "Band 5", 4],
    ["Nursing", "Band 6", 1],
    ["Support", "Band 3", 2],
  ]);
  const leavers = file.addWorksheet("Leavers");
  leavers.addRows([
    ["Staff group", "Leavers", "Average headcount"],
    ["Nursing", 1, 4],
    ["Support", 0, 1],
  ]);
  // A named cell of the planner's own, for a driver expression.
  const assumptions = file.addWorksheet("Assumptions");
  assumptions.getCell("A1").value = "Base growth";
  assumptions.getCell("B1").value = 0.02;
  file.definedNames.add("Assumptions!$B$1", "BaseGrowth");
  await file.xlsx.writeFile(path);
}

const cell = (page: Page, address: string) => page.locator(`[data-cell="${address}"]`);

describe("a planner's own layout in the workbench", () => {
  const served = servedBrowser();
  beforeAll(async () => registerWfpFunctions(await loadMetadata()));

  it("links it, runs it, follows a left-out row to its cell, cancels and re-runs, writes the Board summary, and finds it all again reopened", async () => {
    const path = join(SCREENSHOTS, "northgate-own-layout.xlsx");
    await trustFile(path);
    const page = await served.browser.newPage({ viewport: { width: 1500, height: 900 }, acceptDownloads: true });
    const leaked: string[] = [];
    await blockExternalRequests(page, served.origin, leaked);
    await page.goto(`${served.origin}/workbench.html`);
    await page.getByRole("button", { name: "Run and triangulate" }).waitFor({ timeout: 30_000 });
    await page.getByLabel("Open workbook", { exact: true }).setInputFiles(path);
    await page.getByText("Opened northgate-own-layout.xlsx.").waitFor();

    // Each part proposed from the headers: a sheet under title rows, a sheet from B2, a named range, a table.
    await expect.poll(() => page.getByLabel("Staff in post").inputValue()).toBe("sheet:ESR extract");
    expect(await page.getByLabel("Activity plan").inputValue()).toBe("sheet:Activity");
    expect(await page.getByLabel("Staffing standards").inputValue()).toBe("name:StaffingStandards");
    expect(await page.getByLabel("Pay budget").inputValue()).toBe("table:tblBudget");
    expect(await page.getByLabel("Staff in post").locator("option:checked").textContent()).toBe(
      "Sheet ESR extract (header on row 4, 3 title rows above)",
    );
    // Its columns, with the first rows as they will be read.
    await page.getByRole("button", { name: "Columns of staff in post" }).click();
    expect(await page.getByLabel("Contracted WTE").locator("option:checked").textContent()).toBe("Contracted WTE");
    expect(await page.getByRole("table").first().locator("tbody tr").first().locator("td").allTextContents()).toEqual([
      "Nursing",
      "Band 5",
      "1",
      "W100",
      "10000001",
      "Northgate",
    ]);
    await screenshot(page, "own-layout-links");

    await page.getByLabel("Scenario name").fill("Northgate base");
    await page.getByLabel("Years").selectOption("1");
    // Every step the progress bar names, however briefly it shows.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { steps: string[] }).steps = seen;
      new MutationObserver(() => {
        for (const label of document.querySelectorAll("label")) {
          const text = label.textContent ?? "";
          if (/^Step \d of 7: /.test(text) && seen.at(-1) !== text) seen.push(text);
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole("button", { name: "Run and triangulate" }).click();
    await page.getByText('Results are on the sheet "WFP Northgate base"').waitFor({ timeout: 20_000 });
    await page.getByText("1 row was left out of the plan; the rest were read.", { exact: false }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { steps: string[] }).steps)).toEqual([
      "Step 1 of 7: Reading the linked tables",
      "Step 2 of 7: Building the scenario",
      "Step 3 of 7: Running it",
      "Step 4 of 7: Triangulating",
      "Step 5 of 7: Working out the HEE Star",
      "Step 6 of 7: Writing the results",
      "Step 7 of 7: Saving the scenario",
    ]);

    await screenshot(page, "own-layout-left-out");
    // Following the row's link selects its cell; the planner corrects it there and runs again.
    await page.getByRole("button", { name: /^'ESR extract'!D7: band "Band 55" is not/ }).click();
    await expect.poll(() => page.getByRole("tab", { name: "ESR extract" }).getAttribute("aria-selected")).toBe("true");
    await expect.poll(() => page.getByLabel("Name box").inputValue()).toBe("D7");
    await page.getByLabel("Formula bar").fill("Band 5");
    await page.getByLabel("Formula bar").press("Enter");
    await expect.poll(() => cell(page, "D7").textContent()).toBe("Band 5");
    await page.getByRole("button", { name: "Run and triangulate" }).click();
    // Run again, the scenario's own sheet is replaced, not added to.
    await page.getByText("1 row was left out of the plan; the rest were read.", { exact: false }).waitFor({ state: "detached" });
    await page.getByText('Results are on the sheet "WFP Northgate base"').waitFor({ timeout: 20_000 });
    // (its results and its months: no "(2)" of either)
    expect(await page.getByRole("tab", { name: /^WFP Northgate base/ }).count()).toBe(2);
    expect(await page.getByText("left out of the plan").count()).toBe(0);
    // The budget is the table's two rows: £120,000 + £30,000.
    await page.getByText("against a budget of £150,000.").waitFor();

    // The planner writes on the results sheet; the next run asks, and keeps their copy.
    await expect.poll(() => page.getByRole("tab", { name: "WFP Northgate base", exact: true }).getAttribute("aria-selected")).toBe("true");
    await cell(page, "D2").locator("..").click();
    await page.getByLabel("Formula bar").fill("Checked by finance");
    await page.getByLabel("Formula bar").press("Enter");
    await page.getByRole("button", { name: "Run and triangulate" }).click();
    await page.getByText('The sheet "WFP Northgate base" was changed since wfplan wrote it').waitFor();
    await screenshot(page, "own-layout-edited");
    await page.getByRole("button", { name: "Keep my copy" }).click();
    await page.getByRole("tab", { name: "WFP Northgate base (edited)" }).waitFor();
    await page.getByRole("tab", { name: "WFP Northgate base (edited)" }).click();
    await expect.poll(() => cell(page, "D2").textContent()).toBe("Checked by finance");

    // A second scenario with an action at each of the HEE Star's five points.
    await page.getByLabel("Scenario name").fill("Northgate Star");
    await page.getByLabel("Years").selectOption("2");
    await page.getByLabel("Supply: vacancies filled, % a year").fill("50");
    await page.getByLabel("New ways of working: productivity, % a year").fill("5");
    await page.getByLabel("Leadership: fewer leavers, %").fill("20");
    await page.getByLabel("Upskilling: staff group").fill("Nursing");
    await page.getByLabel("Upskilling: share of posts moved, %").fill("50");
    await page.getByLabel("Upskilling: from band").fill("Band 6");
    await page.getByLabel("Upskilling: to band").fill("Band 5");
    await page.getByLabel("New roles: staff group").fill("Nursing");
    await page.getByLabel("New roles: band or grade").fill("Band 4");
    await page.getByLabel("New roles: FTE").fill("1");
    await page.getByRole("button", { name: "Run and triangulate" }).click();
    await page.getByText('Results are on the sheet "WFP Northgate Star"').waitFor({ timeout: 20_000 });
    const sheetValues = (top: number, left: number, bottom: number, right: number) =>
      page.evaluate(
        ([t, l, b, r]) =>
          (window as unknown as { wfplanWorkbench: { model: () => { values: (s: string, r: object) => unknown[][] } } }).wfplanWorkbench
            .model()
            .values("WFP Northgate Star", { top: t, left: l, bottom: b, right: r }),
        [top, left, bottom, right],
      );
    // The HEE Star by year (column AD): every point but upskilling closes FTE in year 2; upskilling changes the cost, not the FTE.
    // Where the results table starts, below the assumptions.
    const top = await page.evaluate(() => {
      type Model = { tables: { sheet: string; range: { top: number } }[] };
      const model = (window as unknown as { wfplanWorkbench: { model: () => Model } }).wfplanWorkbench.model();
      return model.tables.find((t) => t.sheet === "WFP Northgate Star")!.range.top;
    });
    const star = await sheetValues(top, 29, top + 2, 36);
    expect(star[0]).toEqual([
      "Year",
      "Supply",
      "Upskilling",
      "New roles",
      "New ways of working",
      "Leadership",
      "Gap left",
      "Gap with no action",
    ]);
    const year2 = star[2] as [string, number, number, number, number, number, number, number];
    expect(year2[0]).toBe("2026/27");
    expect(year2[1]).toBeGreaterThan(0); // supply
    expect(year2[2]).toBe(0); // upskilling
    expect(year2[3]).toBeGreaterThan(0); // new roles
    expect(year2[4]).toBeGreaterThan(0); // new ways of working
    expect(year2[5]).toBeGreaterThan(0); // leadership
    // The gap left is the results table's year-2 gap, summed over the staff groups; the points add up to it.
    const table = (await sheetValues(top + 1, 0, top + 4, 5)) as [string, string, number, number, number, number][];
    const gap2 = table.filter((r) => r[0] === "2026/27").reduce((sum, r) => sum + r[5], 0);
    expect(year2[6]).toBeCloseTo(gap2, 9);
    expect(year2[7] - (year2[1] + year2[2] + year2[3] + year2[4] + year2[5])).toBeCloseTo(year2[6], 9);

    // Saved, the links are in the file by header text, on a sheet the planner does not see.
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Save .xlsx" }).click();
    const savedPath = join(SCREENSHOTS, "northgate-saved.xlsx");
    await (await download).saveAs(savedPath);
    const saved = await readXlsx(readFileSync(savedPath));
    expect(saved.sheet("wfplan_links").visibility).toBe("VeryHidden");
    const stored = JSON.parse(String(saved.values("wfplan_links", { top: 1, left: 1, bottom: 1, right: 1 })[0]![0]));
    expect(stored.links.staff).toEqual({
      source: "sheet:ESR extract",
      fields: {
        staffGroup: "Staff Group",
        band: "Pay Band",
        fte: "Contracted WTE",
        costCentre: "Cost Centre",
        assignmentNumber: "Assignment Number",
        organisation: "Organisation",
      },
    });
    // Managing the saved scenarios: a copy under a new name; a name already taken is refused with a message.
    await page.getByRole("button", { name: "Manage Northgate base" }).click();
    await page.getByRole("menuitem", { name: "Duplicate…" }).click();
    await page.getByLabel("New name").fill("northgate STAR");
    await page.getByRole("button", { name: "Duplicate", exact: true }).click();
    await page.getByText('A scenario named "Northgate Star" is already saved in this workbook: choose another name.').waitFor();
    await page.getByLabel("New name").fill("Northgate winter");
    await page.getByRole("button", { name: "Duplicate", exact: true }).click();
    await page.getByText('Saved a copy of "Northgate base" as "Northgate winter".').waitFor();
    await page.getByText(/^Northgate winter \(saved /).waitFor();

    // A saved scenario back in the form, changed and run again as a new version of it, its drivers typed as planners type them.
    await page.getByRole("button", { name: "Manage Northgate Star" }).click();
    await page.getByRole("menuitem", { name: "Open in the form" }).click();
    await page.getByText(/^"Northgate Star" is in the form/).waitFor();
    expect(await page.getByLabel("Scenario name").inputValue()).toBe("Northgate Star");
    expect(await page.getByLabel("Supply: vacancies filled, % a year").inputValue()).toBe("50%");
    expect(await page.getByLabel("New roles: band or grade").inputValue()).toBe("Band 4");
    await page.getByLabel("Years").selectOption("3");
    await page.getByLabel("Pay award, % a year").fill("3; 2");
    await page.getByText("Read as year 2: 3%, year 3: 2%").waitFor();
    await page.getByLabel("Activity growth, % a year").fill("=BaseGrowth + 1%");
    await page.getByText("Read as =BaseGrowth + 1%: 3% a year").waitFor();
    await page.getByRole("button", { name: "Add a service line's growth or productivity" }).click();
    await page.getByLabel("Service line 1", { exact: true }).fill("Home visits");
    await page.getByLabel("Growth of service line 1, % a year").fill("10");
    await page.getByRole("button", { name: "Add a driver for a staff group" }).click();
    await page.getByLabel("Staff group 1", { exact: true }).fill("Support");
    await page.getByLabel("Driver 1", { exact: true }).selectOption("internationalRecruits");
    await page.getByLabel("Value of driver 1").fill("1");
    await page.getByText("Read as 1 FTE a year").waitFor();
    await screenshot(page, "own-layout-drivers");
    await page.getByRole("button", { name: "Run and triangulate" }).click();
    await page.getByText('Results are on the sheet "WFP Northgate Star"').waitFor({ timeout: 20_000 });
    const about = (await sheetValues(0, 0, 40, 1)) as [string, string][];
    const said = (label: string) => about.find((row) => row[0] === label)?.[1];
    expect(said("Pay award")).toBe("year 2: 3%, year 3: 2% a year");
    expect(said("Activity growth")).toBe("=BaseGrowth + 1% a year");
    expect(said("By service line")).toBe("Home visits: growth 10%");
    expect(said("Named inputs")).toBe("BaseGrowth = 0.02");
    expect(said("Years")).toBe("3");
    // The links, unchanged since the run stored them, are not stored again.
    await page.getByRole("button", { name: "Save these links" }).click();
    await page.getByText("The links were already saved as they are.").waitFor();

    // A run cancelled while it reads (each round trip made as slow as Excel on the web's), then run again.
    const sheetCount = () =>
      page.evaluate(
        () => (window as unknown as { wfplanWorkbench: { model: () => { sheets: unknown[] } } }).wfplanWorkbench.model().sheets.length,
      );
    const latency = (ms: number) =>
      page.evaluate((value) => {
        (window as unknown as { wfplanWorkbench: { network: { latencyMs: number } } }).wfplanWorkbench.network.latencyMs = value;
      }, ms);
    const before = await sheetCount();
    await latency(500);
    await page.getByLabel("Scenario name").fill("Northgate winter");
    await page.getByRole("button", { name: "Run and triangulate" }).click();
    await page.getByText("Step 1 of 7: Reading the linked tables").waitFor();
    await page.getByRole("button", { name: "Cancel the run" }).click();
    await page.getByText("Nothing was written: the run was cancelled.").waitFor({ timeout: 20_000 });
    expect(await sheetCount()).toBe(before);
    await latency(0);
    await page.getByRole("button", { name: "Run and triangulate" }).click();
    await page.getByText('Results are on the sheet "WFP Northgate winter"').waitFor({ timeout: 20_000 });

    // The board's page for the scenarios saved, then the whole workbook saved and opened again.
    await page.getByRole("button", { name: "Board summary (2 to 5 scenarios)" }).click();
    await page.getByText(/^The Board summary of 3 scenarios is on the sheet "WFP Board summary"/).waitFor();
    const finalDownload = page.waitForEvent("download");
    await page.getByRole("button", { name: "Save .xlsx" }).click();
    const finalPath = join(SCREENSHOTS, "northgate-final.xlsx");
    await (await finalDownload).saveAs(finalPath);

    // Its output cells are the model's, run directly on the scenario stored in the file.
    const final = await readXlsx(readFileSync(finalPath));
    installExcelGlobals(final);
    const versions = latestVersions(await listSavedScenarios());
    expect(versions.map((v) => v.name).sort()).toEqual(["Northgate Star", "Northgate base", "Northgate winter"]);
    const direct = runScenario(versions.find((v) => v.name === "Northgate Star")!.input!);
    const results = final.tables.find((t) => t.sheet === "WFP Northgate Star")!;
    const written = final.values(results.sheet, { ...results.range, top: results.range.top + 1 });
    // To the penny (a file keeps 15 significant digits).
    const penny = (x: unknown) => Math.round(Number(x) * 100) / 100;
    expect(written.map((row) => [row[0], row[1], penny(row[12])])).toEqual(
      direct.rows.map((r) => [r.year, r.staffGroup, penny(r.totalCost)]),
    );
    expect(direct.years).toEqual(["2025/26", "2026/27", "2027/28"]);

    // Opened again: its scenarios, links and output sheets are as they were; a re-run replaces its own sheet without asking.
    await page.getByLabel("Open workbook", { exact: true }).setInputFiles(finalPath);
    await page.getByText("Opened northgate-final.xlsx.").waitFor();
    await page.getByText(/^Northgate winter \(saved /).waitFor();
    await expect.poll(() => page.getByLabel("Staff in post").inputValue()).toBe("sheet:ESR extract");
    await page.getByRole("button", { name: "Columns of staff in post" }).click();
    expect(await page.getByLabel("Contracted WTE").locator("option:checked").textContent()).toBe("Contracted WTE");
    await page.getByRole("tab", { name: "WFP Board summary", exact: true }).click();
    await screenshot(page, "own-layout-reopened");
    const reopened = await sheetCount();
    await page.getByLabel("Scenario name").fill("Northgate winter");
    await page.getByRole("button", { name: "Run and triangulate" }).click();
    await page.getByText('Results are on the sheet "WFP Northgate winter"').waitFor({ timeout: 20_000 });
    expect(await sheetCount()).toBe(reopened);
    expect(await page.getByRole("dialog").count()).toBe(0);
    expect(leaked).toEqual([]);
    await page.close();
  }, 180_000);
});

afterAll(() => {
  delete (globalThis as Record<string, unknown>).Excel;
  delete (globalThis as Record<string, unknown>).Office;
});
