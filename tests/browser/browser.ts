import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { projectRoot } from "../../engine/metadata.ts";
import { serve } from "../../scripts/server.ts";

export const SCREENSHOTS = join(projectRoot, "test-results");

/** The Chromium the global setup chose (tests/browser/chromium.ts), headless, with nothing that reaches the network. */
export async function launchChromium(): Promise<Browser> {
  const choice = inject("chromium");
  if (choice.error) throw new Error(choice.error);
  return chromium.launch({
    executablePath: choice.executablePath,
    channel: choice.channel,
    env: choice.env ? { ...process.env, ...choice.env } : undefined,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/** Serves the already-built dist/ (see tests/globalSetup.ts) on a free port. */
export async function serveBuilt() {
  return serve({ port: 0, skipBuild: true, quiet: true });
}

/** The built pages and a headless Chromium for a file's tests: started before them, closed after. */
export function servedBrowser(): { readonly browser: Browser; readonly origin: string } {
  let browser: Browser | undefined;
  let served: Awaited<ReturnType<typeof serveBuilt>> | undefined;
  beforeAll(async () => {
    served = await serveBuilt();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.server.close();
  });
  return {
    get browser() {
      return browser!;
    },
    get origin() {
      return served!.origin;
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Fails the test on any request that would leave this machine. */
export async function blockExternalRequests(page: Page, origin: string, leaked: string[]): Promise<void> {
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    leaked.push(url);
    return route.abort();
  });
}
