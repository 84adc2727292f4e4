import { chromium, type Browser } from "playwright-core";
import { serve } from "../scripts/server.ts";
import { chooseChromium } from "../tests/browser/chromium.ts";

/** The built pages served on a free port and a headless Chromium (the one the tests choose), for the page measures; close both after. */
export async function servedChromium(): Promise<{ browser: Browser; origin: string; close: () => Promise<void> }> {
  const choice = chooseChromium();
  if (choice.error) throw new Error(choice.error);
  const { server, origin } = await serve({ port: 0, skipBuild: true, quiet: true });
  const browser = await chromium.launch({
    executablePath: choice.executablePath,
    channel: choice.channel,
    env: choice.env ? { ...process.env, ...choice.env } : undefined,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  return {
    browser,
    origin,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
