import type { TestProject } from "vitest/node";
import { buildAll } from "../scripts/server.ts";
import { chooseChromium, type ChromiumChoice } from "./browser/chromium.ts";

declare module "vitest" {
  export interface ProvidedContext {
    chromium: ChromiumChoice;
  }
}

/**
 * Once for the whole run: builds dist/ (the manifest and browser tests read it)
 * and chooses the Chromium the browser suites launch.
 */
export default async function setup(project: TestProject) {
  await buildAll("warn");
  let chromium: ChromiumChoice;
  try {
    chromium = chooseChromium();
    process.stdout.write(`Browser tests use ${chromium.source}\n`);
  } catch (error) {
    chromium = { source: "none", error: (error as Error).message };
  }
  project.provide("chromium", chromium);
}
