import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../engine/metadata.ts";

const dist = join(projectRoot, "dist");

function scripts(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return scripts(path);
    return entry.name.endsWith(".js") ? [path] : [];
  });
}

/** HyperFormula's marks in a bundle: its name in code, and the GPL licence key it runs under. */
const carriesHyperFormula = (path: string) => /HyperFormula|gpl-v3/.test(readFileSync(path, "utf8"));

describe("which parts carry GPL code (HyperFormula, under its GPL-3.0 key)", () => {
  const all = scripts(dist).map((path) => relative(dist, path));
  const addIn = all.filter((path) => !path.startsWith("workbench/"));

  it("the add-in bundle (task pane and functions) carries none", () => {
    expect(addIn).toEqual(expect.arrayContaining(["functions.js"]));
    expect(addIn.filter((path) => carriesHyperFormula(join(dist, path)))).toEqual([]);
  });

  it("the workbench does, and the README and package.json say so", () => {
    expect(all.filter((path) => path.startsWith("workbench/") && carriesHyperFormula(join(dist, path)))).toHaveLength(1);
    const pkg = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { licenseNote?: string };
    expect(pkg.licenseNote).toMatch(/GPL-3.0/);
    expect(readFileSync(join(projectRoot, "README.md"), "utf8")).toContain("## Licences");
  });
});
