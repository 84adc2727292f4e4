import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../engine/metadata.ts";
import { apiSetsUsed, compareVersions, highestBySet, type MemberUse } from "../../scripts/apiSets.ts";
import { OPTIONAL_FEATURES } from "../../taskpane/adapter/requirements.ts";

/*
 * The manifest declares every requirement set the add-in cannot run without,
 * and each member of a newer set is optional: listed in requirements.ts,
 * used in its one file only, which checks isSetSupported first. Read from
 * the `[Api set]` tags of @types/office-js and @types/custom-functions-runtime
 * on every member the pane and the functions touch.
 */

let uses: MemberUse[];
let declared: Record<string, string>;
beforeAll(() => {
  uses = apiSetsUsed(projectRoot);
  const manifest = readFileSync(join(projectRoot, "manifest.xml"), "utf8");
  const sets = /<Sets\b[^>]*>([\s\S]*?)<\/Sets>/.exec(manifest)![1]!;
  declared = Object.fromEntries([...sets.matchAll(/<Set Name="(\w+)" MinVersion="([\d.]+)"\/>/g)].map((m) => [m[1]!, m[2]!]));
}, 60_000);

const optionalFor = (use: MemberUse) =>
  OPTIONAL_FEATURES.find(
    (f) => f.set === use.set && compareVersions(use.version, f.version) <= 0 && f.members.some((m) => use.member.startsWith(m)),
  );

describe("requirement sets", () => {
  it("reads each member's set from Office's types", () => {
    const find = (member: string) => uses.find((u) => u.member === member);
    expect(find("Excel.Worksheet.getRangeByIndexes")).toMatchObject({ set: "ExcelApi", version: "1.7" });
    expect(find("Excel.Range.getIntersectionOrNullObject")).toMatchObject({ set: "ExcelApi", version: "1.4" });
    expect(find("Excel.NamedItem.formula")).toMatchObject({ set: "ExcelApi", version: "1.7" });
    expect(find("Excel.PageLayout.zoom")).toMatchObject({ set: "ExcelApi", version: "1.9" });
    expect(find("CustomFunctions.Error")).toMatchObject({ set: "CustomFunctionsRuntime", version: "1.2" });
  });

  it("declares in the manifest every set the add-in needs, at the version it needs", () => {
    const needed = uses.filter((use) => !optionalFor(use));
    const short = Object.values(highestBySet(needed)).filter(
      (use) => declared[use.set] === undefined || compareVersions(use.version, declared[use.set]!) > 0,
    );
    expect(
      short.map((u) => `${u.member} (${u.set} ${u.version}) at ${u.where}; the manifest declares ${declared[u.set] ?? "none"}`),
    ).toEqual([]);
    expect(declared).toEqual({ ExcelApi: "1.7", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.2" });
  });

  it("uses an optional set's members only in the one file that checks for it", () => {
    const optional = uses.filter((use) => optionalFor(use));
    expect(optional.length).toBeGreaterThan(0);
    const strays = optional.filter((use) => !use.where.startsWith(`${optionalFor(use)!.file}:`));
    expect(strays.map((u) => `${u.member} at ${u.where}`)).toEqual([]);
    for (const feature of OPTIONAL_FEATURES) {
      const source = readFileSync(join(projectRoot, feature.file), "utf8");
      expect(source).toMatch(/isSupported\(/);
    }
  });
});
