import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { ICS_TRUSTS } from "../../examples/icsTrusts.ts";
import { blockExternalRequests, servedBrowser } from "./browser.ts";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

describe("the task pane's accessibility", () => {
  const served = servedBrowser();

  /** axe-core's violations on `selector` of the page, as "rule: first elements". */
  async function violations(page: Page, selector: string): Promise<string[]> {
    return page.evaluate(
      async ([source, include]) => {
        (0, eval)(source); // axe-core itself, run in the page (the context bypasses the page's policy for this alone)
        type Axe = { run: (context: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
        const result = await (window as unknown as { axe: Axe }).axe.run({ include: [include] });
        return result.violations.map(
          (v) =>
            `${v.id}: ${v.nodes
              .map((n) => n.target.join(" "))
              .slice(0, 3)
              .join(", ")}`,
        );
      },
      [axeSource, selector] as const,
    );
  }

  for (const width of [320, 450]) {
    it(`finds no axe-core violation in the pane at ${width} px, outside Excel`, async () => {
      const context = await served.browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } });
      const page = await context.newPage();
      await blockExternalRequests(page, served.origin, []);
      await page.goto(`${served.origin}/taskpane.html`);
      await page.getByRole("button", { name: "Cost this post" }).waitFor();
      await page.getByText("Not running inside Excel").waitFor();
      expect(await violations(page, "body")).toEqual([]);
      await context.close();
    });
  }

  it("finds no axe-core violation in the pane with its scenario cards, in the workbench", async () => {
    const context = await served.browser.newContext({ bypassCSP: true, viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await blockExternalRequests(page, served.origin, []);
    await page.goto(`${served.origin}/workbench.html`);
    await page.getByRole("button", { name: "Run and triangulate" }).waitFor({ timeout: 20_000 });
    expect(await violations(page, ".wb-taskpane")).toEqual([]);
    await context.close();
  });

  it("finds none in the ICS system view with three trusts' workbooks picked", async () => {
    const context = await served.browser.newContext({ bypassCSP: true, viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await blockExternalRequests(page, served.origin, []);
    await page.goto(`${served.origin}/workbench.html`);
    await page.getByText("ICS system view").waitFor({ timeout: 20_000 });
    await page.getByRole("button", { name: "Add up trusts' workbooks…" }).click();
    await page.getByLabel("Trusts' workbooks (.xlsx)").setInputFiles(ICS_TRUSTS.map((t) => join(inject("icsFolder"), t.file)));
    await page.getByRole("button", { name: "Write the ICS summary" }).waitFor();
    expect(await violations(page, ".wb-taskpane")).toEqual([]);
    await context.close();
  });
});
