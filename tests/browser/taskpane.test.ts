import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { blockExternalRequests, screenshot, servedBrowser } from "./browser.ts";

describe("the task pane in headless Chromium, outside Excel", () => {
  const served = servedBrowser();

  it("renders the Fluent UI shell, says it is not in Excel, and costs a post with the model's figures", async () => {
    const page = await served.browser.newPage();
    const leaked: string[] = [];
    await blockExternalRequests(page, served.origin, leaked);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { refused: string[] }).refused = seen;
      document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    await page.goto(`${served.origin}/taskpane.html`);

    await expect(page.getByRole("heading", { name: "Workforce plan" }).textContent()).resolves.toBe("Workforce plan");
    await page.getByText("Not running inside Excel").waitFor();
    const button = page.getByRole("button", { name: "Cost this post" });
    expect(await button.textContent()).toBe("Cost this post");

    await button.click();
    // Band 5, top, 2025/26, 1 FTE: 37,796 + 4,919.40 NI + 8,987.89 pension + 188.98 levy = £51,892
    expect(await page.getByTestId("post-cost-total").textContent()).toBe("£51,892.27");

    // Inner London in 2025/26: the supplement's rates for that year are not held, and the pane says so.
    await page.getByLabel("Area").selectOption("inner");
    await button.click();
    expect(await page.getByRole("alert").textContent()).toBe(
      "high cost area supplement rates for 2025/26 are not held: held years are 2024/25, 2023/24",
    );

    await page.getByLabel("Year").selectOption("2023/24");
    await page.getByLabel("FTE").fill("0.5");
    await button.click();
    // 0.5 x (34,581 + 6,916.20) = 20,748.60; NI 13.8% x 11,648.60; pension 20.68%; levy 0.5%: £26,750.66
    expect(await page.getByTestId("post-cost-total").textContent()).toBe("£26,750.66");

    // A consultant at threshold 3 in 2024/25: 126,018 + NI 13.8% x 116,918 (16,134.684) + pension 29,967.0804 + levy 630.09 = £172,749.85.
    await page.getByLabel("Band or grade").selectOption("Consultant");
    await page.getByLabel("Year").selectOption("2024/25");
    await page.getByLabel("Pay point").selectOption("3");
    await page.getByLabel("FTE").fill("1");
    expect(await page.getByLabel("Area").isDisabled()).toBe(true);
    await button.click();
    expect(await page.getByTestId("post-cost-total").textContent()).toBe("£172,749.85");
    expect(await page.getByTestId("post-cost-source").textContent()).toBe("Pay: IMG Connect (secondary source).");

    // An FY1 is paid on nodal point 1: 2025/26, 38,831 fully loaded = £53,333.82.
    await page.getByLabel("Band or grade").selectOption("FY1");
    await page.getByLabel("Year").selectOption("2025/26");
    expect(await page.getByLabel("Pay point").isDisabled()).toBe(true);
    await button.click();
    expect(await page.getByTestId("post-cost-total").textContent()).toBe("£53,333.82");

    // The page's Content-Security-Policy refused nothing the pane needs (office.js outside Office is refused its telemetry page, if it asks).
    const refused = await page.evaluate(() => (window as unknown as { refused: string[] }).refused);
    expect(
      refused.filter((entry) => !/^connect-src https:\/\/[a-z.]*microsoft\.com|^connect-src https:\/\/[a-z.]*office/.test(entry)),
    ).toEqual([]);

    const path = await screenshot(page, "taskpane");
    expect(existsSync(path)).toBe(true);
    expect(errors).toEqual([]);
    expect(leaked).toEqual([]);
  });

  it("serves the custom functions entry and metadata the manifest names", async () => {
    const functions = await fetch(`${served.origin}/functions.js`);
    expect(functions.status).toBe(200);
    const metadata = (await (await fetch(`${served.origin}/functions.json`)).json()) as { functions: { id: string }[] };
    expect(metadata.functions.map((f) => f.id)).toContain("COST");
    expect((await fetch(`${served.origin}/office-js/office.js`)).status).toBe(200);
    expect(await (await fetch(`${served.origin}/`)).text()).toContain('url=workbench.html"');
  });
});
