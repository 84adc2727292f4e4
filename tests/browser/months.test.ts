import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Dialog, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerWfpFunctions } from "../../engine/hyperformula.ts";
import { loadMetadata, projectRoot } from "../../engine/metadata.ts";
import { readXlsx } from "../../engine/xlsx.ts";
import { installExcelGlobals } from "../../excelHost/index.ts";
import { planAgainstActual, runScenario } from "../../src/index.ts";
import { latestVersions, listSavedScenarios } from "../../taskpane/adapter/scenarioStore.ts";
import { blockExternalRequests, launchChromium, screenshot, SCREENSHOTS, serveBuilt } from "./browser.ts";

const SAMPLE = join(projectRoot, "examples", "northfield-trust-plan.xlsx");

/*
 * The plan year by month in the workbench, on the sample: a scenario with a
 * September and October cohort of newly qualified nurses and agency given
 * up, run from the pane; its months sheet shown with its chart, its cells
 * checked against the model's months behind the page to the penny, and as
 * it prints. Pictures for the planner's guide.
 */

const SHEET = "WFP NQN September by month";

type Model = {
  sheets: { name: string }[];
  charts: { sheet: string; type: string; seriesTypes?: Record<number, string> }[];
  values: (sheet: string, range: object) => unknown[][];
  usedRange: (sheet: string) => object | undefined;
};
/** Every cell of a sheet, from the workbook behind the page. */
const sheetCells = (page: Page, sheet: string) =>
  page.evaluate((name) => {
    const model = (window as unknown as { wfplanWorkbench: { model: () => Model } }).wfplanWorkbench.model();
    return model.values(name, model.usedRange(name)!);
  }, sheet);

describe("the months in the workbench", () => {
  let browser: Browser;
  let page: Page;
  let close: () => Promise<void>;
  const leaked: string[] = [];

  beforeAll(async () => {
    registerWfpFunctions(await loadMetadata());
    const served = await serveBuilt();
    close = () => served.server.close();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1500, height: 900 }, acceptDownloads: true });
    await blockExternalRequests(page, served.origin, leaked);
    await page.goto(`${served.origin}/workbench.html`);
    await page.locator('[data-cell="A1"]').first().waitFor({ timeout: 60_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await close?.();
  });

  it("runs a September cohort of nurses with agency given up, and writes the months sheet", async () => {
    await page.getByLabel("Scenario name").fill("NQN September");
    await page.getByLabel("New ways of working: agency given up, % a year").fill("30");
    await page.getByRole("button", { name: "Add a driver for a staff group" }).click();
    await page.getByLabel("Staff group 1", { exact: true }).fill("Registered nursing and midwifery");
    await page.getByLabel("Driver 1", { exact: true }).selectOption("starters");
    await page.getByLabel("Value of driver 1").fill("24");
    await page.getByRole("button", { name: "Add a driver for a staff group" }).click();
    await page.getByLabel("Staff group 2", { exact: true }).fill("Registered nursing and midwifery");
    await page.getByLabel("Driver 2", { exact: true }).selectOption("startersPhasing");
    await page.getByLabel("Value of driver 2").fill("Sep 60%, Oct 40%");
    // The temporary staffing rules: last year's spend as finance gives it, against the national cuts for 2025/26 (the fields left blank).
    await expect
      .poll(() => page.getByText(/^For 2025\/26 NHS England expects agency spend at least 30\.0% and bank spend 10\.0%/).count())
      .toBe(1);
    await page.getByLabel("Agency spend the year before, £").fill("£100,000");
    await page.getByText("Read as £100,000").waitFor();
    await page.getByLabel("Bank spend the year before, £").fill("£2.5m");
    await page.getByText("Read as £2,500,000").waitFor();
    await page.getByRole("button", { name: "Run and triangulate" }).click();
    await page.getByText(`and the months on "${SHEET}"`).waitFor({ timeout: 20_000 });

    // Agency well over £100,000 less 30%: the rule fails, saying by how much against what, and whose cut it is.
    expect(await page.getByTestId("check-temporaryStaffing").textContent()).toMatch(
      /^✗ Agency and bank spend meet the temporary staffing rules: not in \d+ place\(s\)$/,
    );
    await page
      .getByText(
        /^2025\/26: agency spend of £[\d,]+ is £[\d,]+ over the £70,000 allowed, 30\.0% less than the year before's £100,000 \(as given; the cut is the national expectation for 2025\/26/,
      )
      .waitFor();
    await page.getByRole("tab", { name: SHEET }).click();
    const cells = await sheetCells(page, SHEET);
    expect(cells[0]![0]).toBe("Scenario: NQN September, the plan year by month");
    // The flows bridge: the nurses' 24 starters land 14.4 in September and 9.6 in October, every group together.
    const flowsTop = cells.findIndex((row) => row[0] === "Flow");
    const starters = cells.slice(flowsTop).find((row) => row[0] === "Starters from training")!;
    // (the other groups' starters fall evenly, the same each month: September and October are August's and the cohort)
    expect((starters[6] as number) - (starters[5] as number)).toBeCloseTo(14.4, 9);
    expect((starters[7] as number) - (starters[5] as number)).toBeCloseTo(9.6, 9);
    // The year's total pay cost is the twelve months' to the penny, as the sheet adds them.
    const pay = cells.findIndex((row) => row[0] === "Total pay cost");
    const total = cells.slice(pay).find((row) => row[0] === "Total")!;
    const months = (total.slice(1, 13) as number[]).reduce((a, b) => a + b, 0);
    expect(Math.round((total[13] as number) * 100)).toBe(Math.round(months * 100));
    // The chart of the trajectory: staff stacked, the need as a line, drawn in the page.
    const charts = await page.evaluate((name) => {
      const model = (window as unknown as { wfplanWorkbench: { model: () => Model } }).wfplanWorkbench.model();
      return model.charts.filter((c) => c.sheet === name).map((c) => [c.type, c.seriesTypes]);
    }, SHEET);
    expect(charts).toEqual([["ColumnStacked", { 3: "Line" }]]);
    await expect.poll(() => page.locator("figure.wb-chart canvas").count()).toBe(1);
    // The blocks below the chart's cells, for the guide's picture: the grid scrolls to show the first two (it draws the chart under the cells).
    await page.getByLabel("Name box").fill(`A${cells.findIndex((row) => row[0] === "Substantive WTE") + 19}`);
    await page.getByLabel("Name box").press("Enter");
    await screenshot(page, "months-sheet");

    await page.getByRole("button", { name: "Print preview" }).click();
    expect(await page.getByTestId("print-summary").textContent()).toMatch(/^A4 landscape, at a scale set: \d+% of actual size, \d+ pages/);
    await screenshot(page, "months-sheet-print");
    await page.keyboard.press("Escape");
    expect(leaked).toEqual([]);
  });

  it("links actuals for April to June, shows plan against actual, and keeps them through a save, reopen and re-run", async () => {
    // The sample with an actuals table as ESR and finance give it: a row a month and staff group.
    const path = join(SCREENSHOTS, "northfield-with-actuals.xlsx");
    mkdirSync(dirname(path), { recursive: true });
    const file = new ExcelJS.Workbook();
    await file.xlsx.readFile(SAMPLE);
    const sheet = file.addWorksheet("Actuals");
    const inPost: Record<string, number> = {
      "Registered nursing and midwifery": 925,
      "Healthcare support workers": 470,
      "Allied health professionals": 300,
      "Scientific and technical": 128,
      "Administrative and clerical": 341,
      "Medical and dental": 162,
    };
    sheet.addTable({
      name: "tblActuals",
      ref: "A1",
      columns: ["Month", "Staff group", "Substantive WTE", "Bank WTE", "Agency WTE", "Pay spend"].map((name) => ({ name })),
      rows: ["Apr-25", "May-25", "Jun-25"].flatMap((month, m) =>
        Object.entries(inPost).map(([group, wte]) => [month, group, wte - 4 * m, 10, 5, Math.round(wte * 4_200)]),
      ),
    });
    await file.xlsx.writeFile(path);
    // The run before left unsaved work: opening another file asks first, and the test says go ahead.
    const accept = (dialog: Dialog) => void dialog.accept();
    page.on("dialog", accept);
    await page.getByLabel("Open workbook", { exact: true }).setInputFiles(path);
    await page.getByText("Opened northfield-with-actuals.xlsx.").waitFor();
    await expect.poll(() => page.getByLabel("Actuals by month (ESR and finance)").inputValue()).toBe("table:tblActuals");
    expect(await page.getByLabel("Bank and agency").inputValue()).toBe("table:tblTemporary");
    await page.getByLabel("Scenario name").fill("Tracking");
    await page.getByRole("button", { name: "Run and triangulate" }).click();
    await page.getByText('and the months on "WFP Tracking by month"').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId("against-actual").first().textContent()).toMatch(/^Actuals for Apr to Jun \(3 months\): in Jun, /);
    expect(await page.getByTestId("against-actual").nth(1).textContent()).toMatch(
      /^Forecast outturn: pay £[\d,]+ against the plan's £[\d,]+/,
    );
    await page.getByRole("tab", { name: "WFP Tracking by month" }).click();
    await page.getByLabel("Name box").fill("A45");
    await page.getByLabel("Name box").press("Enter");
    await screenshot(page, "months-against-actual");

    // Saved: the months sheet's plan against actual is the model's, run directly on the scenario stored in the file, to the penny.
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Save .xlsx" }).click();
    const savedPath = join(SCREENSHOTS, "northfield-tracking.xlsx");
    await (await download).saveAs(savedPath);
    const saved = await readXlsx(readFileSync(savedPath));
    installExcelGlobals(saved);
    const stored = latestVersions(await listSavedScenarios()).find((v) => v.name === "Tracking")!.input!;
    // June's rows as the table gave them: 8 WTE fewer in post than April in each group.
    expect(Object.fromEntries(stored.actuals!.filter((a) => a.month === 3).map((a) => [a.staffGroup, a.substantiveFte]))).toEqual(
      Object.fromEntries(Object.entries(inPost).map(([group, wte]) => [group, wte - 8])),
    );
    const compared = planAgainstActual(runScenario(stored))!;
    const cells = saved.values("WFP Tracking by month", saved.usedRange("WFP Tracking by month")!);
    const top = cells.findIndex((row) => row[0] === "Plan against actual");
    const line = (label: string) => cells.slice(top).find((row) => row[0] === label)!;
    const penny = (x: unknown) => Math.round(Number(x) * 100) / 100;
    expect(penny(line("Pay cost, forecast")[13])).toBe(penny(compared.forecastPay));
    expect(line("Variance, £").slice(1, 4).map(penny)).toEqual(compared.months.slice(0, 3).map((m) => penny(m.variancePay)));
    expect(line("Status").slice(1, 4)).toEqual(compared.months.slice(0, 3).map((m) => m.status));

    // Opened again and re-run without the actuals table: the months reported are kept, and the pane says so.
    await page.getByLabel("Open workbook", { exact: true }).setInputFiles(savedPath);
    await page.getByText("Opened northfield-tracking.xlsx.").waitFor();
    await page.getByText(/^Tracking \(saved /).waitFor();
    await page.getByLabel("Actuals by month (ESR and finance)").selectOption("");
    await page.getByLabel("Scenario name").fill("Tracking");
    await page.getByRole("button", { name: "Run and triangulate" }).click();
    await page
      .getByText(
        /^Actuals for Apr, May, Jun are kept from the saved version of \d{4}-\d{2}-\d{2} \d{2}:\d{2}: no actuals table is linked\.$/,
      )
      .waitFor({
        timeout: 20_000,
      });
    expect(await page.getByTestId("against-actual").nth(1).textContent()).toMatch(/^Actuals for Apr to Jun \(3 months\)/);
    page.off("dialog", accept);
    expect(leaked).toEqual([]);
  }, 120_000);

  it("puts a version for review, returns it with its reason and approves it, from the Compare card", async () => {
    const manage = () => page.getByRole("button", { name: "Manage Tracking" });
    await manage().click();
    await page.getByRole("menuitem", { name: "Put for review…" }).click();
    await page.getByLabel("Your name and role").fill("A. Khan, director of workforce");
    await page.getByRole("button", { name: "Put for review", exact: true }).click();
    await page.getByText(/^"Tracking" \(version [0-9a-f]{12}\) is For review, recorded on the store as a row of its own\.$/).waitFor();
    await page
      .getByText(/^Tracking \(saved .*; version [0-9a-f]{12}; For review by A\. Khan, director of workforce, [\d-]+ [\d:]+\)$/)
      .waitFor();
    // Returned: the name is offered again; without the reason nothing is recorded.
    await manage().click();
    await page.getByRole("menuitem", { name: "Return…" }).click();
    expect(await page.getByLabel("Your name and role").inputValue()).toBe("A. Khan, director of workforce");
    await page.getByRole("button", { name: "Return", exact: true }).click();
    await page.getByText(/cannot be marked Returned: say why it is returned/).waitFor();
    await page.getByLabel("Why it is returned").fill("Agency needs the ICB's cut");
    await page.getByRole("button", { name: "Return", exact: true }).click();
    await page.getByText(/; Returned by A\. Khan, director of workforce, [\d-]+ [\d:]+: Agency needs the ICB's cut\)$/).waitFor();
    await manage().click();
    await page.getByRole("menuitem", { name: "Approve…" }).click();
    await page.getByRole("button", { name: "Approve", exact: true }).click();
    await page.getByText(/; Approved by A\. Khan, director of workforce, [\d-]+ [\d:]+\)$/).waitFor();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await screenshot(page, "review-approved");
  });
});
