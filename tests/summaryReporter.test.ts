import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../engine/metadata.ts";

describe("the closing line CI reads", () => {
  it("counts tests under a failed beforeAll and a file that failed to import as failed, never as skipped", async () => {
    const config = join(projectRoot, "tests", "fixtures", "failing-hook", "vitest.config.ts");
    const vitest = join(projectRoot, "node_modules", "vitest", "vitest.mjs");
    const run = await promisify(execFile)(process.execPath, [vitest, "run", "--config", config], { cwd: projectRoot }).then(
      () => ({ code: 0, stdout: "" }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    expect(run.code).toBe(1);
    // Two tests under the broken hook and one file that could not load: 3 failed; the healthy suite's pass and its skip.
    expect(run.stdout.trim().split("\n").at(-1)).toBe("tests: 1 passed, 3 failed, 1 skipped");
  });
});
