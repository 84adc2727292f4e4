import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { unpackPackagedChromium } from "./chromium.ts";

// CI installs Debian's Chromium and may point CHROMIUM_PATH at it; this keeps the packaged one, which a fresh machine uses, tested too.
describe.runIf(process.platform === "linux" && process.arch === "x64")("the Chromium packaged in node_modules", () => {
  it("unpacks once per version and renders a page headless, offline", async () => {
    const choice = unpackPackagedChromium();
    expect(choice?.executablePath).toMatch(/node_modules\/\.cache\/wfplan-chromium\/[\d.]+\/chromium$/);
    const browser = await chromium.launch({
      executablePath: choice!.executablePath,
      env: { ...process.env, ...choice!.env },
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
    });
    try {
      const page = await browser.newPage();
      await page.setContent("<p id=sum></p><script>document.getElementById('sum').textContent = String(37.5 * 52.143)</script>");
      expect(await page.textContent("#sum")).toBe("1955.3625");
    } finally {
      await browser.close();
    }
  });
});
