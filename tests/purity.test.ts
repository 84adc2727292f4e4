import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../engine/metadata.ts";

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("src/ is the pure planning model", () => {
  const files = filesUnder(join(projectRoot, "src"));

  // What each room may import is a lint rule (eslint.config.js, run by npm test); this checks what lint cannot see: host globals in text.
  it.each(files.map((f) => relative(projectRoot, f)))("%s uses no Office.js or DOM global", (file) => {
    const source = readFileSync(join(projectRoot, file), "utf8");
    expect(source).not.toMatch(/\b(Excel|Office|CustomFunctions)\.(?!js\b)[a-zA-Z]/);
    expect(source).not.toMatch(/\b(window|document|localStorage|navigator)\./);
  });

  it("type-checks without the DOM library (src/tsconfig.json has lib ES2022 only)", () => {
    execFileSync(
      process.execPath,
      [join(projectRoot, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", join(projectRoot, "src", "tsconfig.json")],
      {
        stdio: "pipe",
      },
    );
  }, 60_000);
});
