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

  it.each(files.map((f) => relative(projectRoot, f)))("%s imports no Office.js, React, Fluent or DOM", (file) => {
    const source = readFileSync(join(projectRoot, file), "utf8");
    expect(source).not.toMatch(/from ["'](react|react-dom|@fluentui\/[^"']*|@microsoft\/office-js)["']/);
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

describe("only the adapter talks to Excel", () => {
  it("no taskpane module outside taskpane/adapter/ calls Excel.*", () => {
    const files = readdirSync(join(projectRoot, "taskpane"), { recursive: true, encoding: "utf8" }).map((f) =>
      join(projectRoot, "taskpane", f),
    );
    for (const file of files.filter((f) => /\.tsx?$/.test(f))) {
      if (file.includes(`${join("taskpane", "adapter")}`)) continue;
      expect(readFileSync(file, "utf8"), relative(projectRoot, file)).not.toMatch(/\bExcel\.(run|[A-Z])/);
    }
  });
});
