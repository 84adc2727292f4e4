import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildAll } from "../scripts/server.ts";
import { chooseChromium, type ChromiumChoice } from "./browser/chromium.ts";

declare module "vitest" {
  export interface ProvidedContext {
    chromium: ChromiumChoice;
    /** A folder holding the example ICS's three trust workbooks, made and run afresh for this run (examples/icsTrusts.ts). */
    icsFolder: string;
  }
}

/**
 * Once for the whole run: builds dist/ (the manifest and browser tests read it),
 * chooses the Chromium the browser suites launch, and makes the system view's
 * three trust workbooks (each read by several test files: made once, not in each).
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

  const { buildTrustFile, ICS_TRUSTS } = await import("../examples/icsTrusts.ts");
  const icsFolder = mkdtempSync(join(tmpdir(), "wfplan-ics-trusts-"));
  for (const trust of ICS_TRUSTS) writeFileSync(join(icsFolder, trust.file), (await buildTrustFile(trust)).bytes);
  project.provide("icsFolder", icsFolder);
  return () => rmSync(icsFolder, { recursive: true, force: true });
}
