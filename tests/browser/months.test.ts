import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerWfpFunctions } from "../../engine/hyperformula.ts";
import { loadMetadata } from "../../engine/metadata.ts";
import { blockExternalRequests, launchChromium, screenshot, serveBuilt } from "./browser.ts";

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
    page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
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
});
