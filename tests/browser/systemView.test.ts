import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTrustWorkbook } from "../../files/trustWorkbook.ts";
import { runScenario } from "../../src/index.ts";
import { icsFiles, ownResults, pence } from "../system/trustFiles.ts";
import { blockExternalRequests, screenshot, SCREENSHOTS, servedBrowser } from "./browser.ts";

/*
 * An ICS analyst in the workbench: picks three trusts' saved workbooks, a
 * damaged copy and a workbook wfplan never ran on, chooses a scenario for
 * each trust, prices a collaborative bank with a cap, and writes the ICS
 * summary into the open workbook. The files are read in the page; nothing
 * leaves it.
 */

type Model = { values: (s: string, r: object) => unknown[][]; charts: { sheet: string; title: string }[] };
let files: ReturnType<typeof icsFiles>;
const paths: string[] = [];

beforeAll(async () => {
  files = icsFiles();
  const dir = join(SCREENSHOTS, "ics");
  mkdirSync(dir, { recursive: true });
  for (const f of [...files.trusts, files.damaged, files.neverRun]) {
    writeFileSync(join(dir, f.name), f.bytes);
    paths.push(join(dir, f.name));
  }
}, 120_000);

const column = (page: Page, sheet: string) =>
  page.evaluate(
    (name) =>
      (window as unknown as { wfplanWorkbench: { model: () => Model } }).wfplanWorkbench
        .model()
        .values(name, { top: 0, left: 0, bottom: 60, right: 4 }),
    sheet,
  );

describe("the ICS system view in the workbench", () => {
  const served = servedBrowser();

  it("consolidates the trusts' workbooks the analyst picks into an ICS summary sheet, skipping those it cannot use", async () => {
    const page = await served.browser.newPage({ viewport: { width: 1500, height: 1000 } });
    const leaked: string[] = [];
    await blockExternalRequests(page, served.origin, leaked);
    await page.goto(`${served.origin}/workbench.html`);
    await page.getByText("ICS system view").waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Add up trusts' workbooks…" }).click();

    await page.getByLabel("Trusts' workbooks (.xlsx)").setInputFiles(paths);
    await page.getByLabel("Scenario for Northfield Hospitals").waitFor();
    const warning = await page.getByText(/^Left out: /).textContent();
    expect(warning).toBe(
      "Left out: Copied half way.xlsx: this is not an Excel workbook (.xlsx), or it is damaged: open it in Excel and save it again as .xlsx. " +
        "northfield-trust-plan.xlsx: wfplan has not run on this workbook: it has no saved scenarios. Run a scenario in it first, then save it.",
    );
    // Each trust offers its own scenarios; Northfield's newest is chosen first.
    expect(await page.getByLabel("Scenario for Northfield Hospitals").locator("option").allTextContents()).toEqual([
      "Plan 2025",
      "Stretch",
    ]);
    await page.getByLabel("Scenario for Northfield Hospitals").selectOption("Plan 2025");
    await page.getByLabel("Collaborative bank: agency cover it fills, %").fill("500");
    await page.getByText(/Agency cover the bank fills of 500% is outside what a plan can use/).waitFor();
    expect(await page.getByRole("button", { name: "Write the ICS summary" }).isDisabled()).toBe(true);
    await page.getByLabel("Collaborative bank: agency cover it fills, %").fill("50");
    await page.getByLabel("Collaborative bank: management fee, %").fill("5");
    await page.getByLabel("Most bank FTE of Registered nursing and midwifery").fill("5");
    await page.getByRole("button", { name: "Write the ICS summary" }).click();
    const said = await page.getByText(/^The ICS summary of 3 trusts is on the sheet "WFP ICS summary"/).textContent();

    // The system's saving, as the model gives it on the trusts' own scenarios with the same bank.
    const { consolidate, systemBank } = await import("../../src/index.ts");
    const plans = await Promise.all(
      files.trusts.map(async (t) => {
        const workbook = await readTrustWorkbook(t.bytes, t.name);
        return { trust: workbook.trust, scenario: "Plan 2025", result: runScenario(workbook.scenarios[0]!.input) };
      }),
    );
    const bank = systemBank(consolidate(plans), { share: 0.5, fee: 0.05, capFte: { "Registered nursing and midwifery": 5 } });
    const saving = bank.totals.at(-1)!.saving;
    expect(said).toContain(`The collaborative bank saves the system £${Math.round(saving).toLocaleString("en-GB")} over the plan.`);
    // The cap holds: where the trusts ask more than 5 FTE of nurses, the bank supplies 5, shared pro rata.
    const nursing = bank.needs.filter((n) => n.staffGroup === "Registered nursing and midwifery");
    expect(nursing.some((n) => n.askedFte > 5)).toBe(true);
    for (const need of nursing) expect(need.bankFte).toBeCloseTo(Math.min(need.askedFte, 5), 9);

    // On the sheet: the system's 2025/26 pay cost is the three trusts' own, to the penny.
    await page.getByRole("tab", { name: "WFP ICS summary", exact: true }).click();
    const cells = await column(page, "WFP ICS summary");
    const top = cells.findIndex((row) => row[0] === "The system by year");
    const row = cells.slice(top).find((r) => r[0] === "2025/26")!;
    const own = (await Promise.all(files.trusts.map((t) => ownResults(t.bytes, "Plan 2025")))).flat().filter((r) => r.year === "2025/26");
    expect(pence(Number(row[4]))).toBe(pence(own.reduce((s, r) => s + r.totalCost, 0)));
    const charts = await page.evaluate(() =>
      (window as unknown as { wfplanWorkbench: { model: () => Model } }).wfplanWorkbench
        .model()
        .charts.filter((c) => c.sheet === "WFP ICS summary")
        .map((c) => c.title),
    );
    expect(charts).toEqual(["FTE gap by trust and staff group, 2025/26", "Agency spend before and after the collaborative bank"]);
    await screenshot(page, "ics-summary");
    // Its first page, as it prints: one landscape A4 page, charts included.
    await page.getByRole("button", { name: "Print preview" }).click();
    expect(await page.getByTestId("print-summary").textContent()).toMatch(/^A4 landscape, at a scale set: \d+% of actual size, 1 page$/);
    await screenshot(page, "ics-summary-print");
    await page.keyboard.press("Escape");
    expect(leaked).toEqual([]);
    await page.close();
  }, 120_000);
});

afterAll(() => {
  delete (globalThis as Record<string, unknown>).Excel;
  delete (globalThis as Record<string, unknown>).Office;
});
