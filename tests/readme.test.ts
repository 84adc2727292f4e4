import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../engine/metadata.ts";
import { generatedPages } from "../scripts/functionReference.ts";

/*
 * The README is what a newcomer reads in five minutes: the two commands, and
 * where everything else is. The docs' generated parts match the code, and
 * every link in the README and the docs leads somewhere.
 */

const README = join(projectRoot, "README.md");

function markdownUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? markdownUnder(path) : path.endsWith(".md") ? [path] : [];
  });
}

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, "")
    .replace(/[^\p{L}\p{N} -]/gu, "")
    .replace(/ /g, "-");

function anchorsOf(file: string): Set<string> {
  const text = readFileSync(file, "utf8").replace(/```[\s\S]*?```/g, "");
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!)));
}

describe("README.md", () => {
  const readme = readFileSync(README, "utf8");

  it("gives the two commands", () => {
    expect(readme).toContain("npm install && npm start");
    expect(readme).toContain("npm test");
  });

  it("is read in five minutes: under 12 KB, the rest in docs/", () => {
    expect(Buffer.byteLength(readme)).toBeLessThan(12 * 1024);
  });
});

describe("the docs", () => {
  const pages = [
    README,
    join(projectRoot, "CONTRIBUTING.md"),
    join(projectRoot, "CHANGELOG.md"),
    ...markdownUnder(join(projectRoot, "docs")),
  ];

  it("have the function reference, the reference data and the bench table generated from the code (run `npm run docs`)", async () => {
    for (const page of await generatedPages()) expect(readFileSync(page.path, "utf8"), relative(projectRoot, page.path)).toBe(page.text);
    expect(readFileSync(join(projectRoot, "docs", "reference", "functions.md"), "utf8")).toContain(
      "### `WFP.COST(band, fte, [point], [year], [area], [pay_table])`",
    );
  });

  it("link only to files and headings that exist", () => {
    const broken: string[] = [];
    for (const page of pages) {
      const text = readFileSync(page, "utf8").replace(/```[\s\S]*?```/g, "");
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target!)) continue;
        const [path, anchor] = target!.split("#") as [string, string?];
        const file = path ? join(dirname(page), decodeURIComponent(path)) : page;
        if (!existsSync(file)) broken.push(`${relative(projectRoot, page)}: ${target} (no such file)`);
        else if (anchor && file.endsWith(".md") && !anchorsOf(file).has(anchor))
          broken.push(`${relative(projectRoot, page)}: ${target} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("are every one reachable from the index, docs/README.md", () => {
    const index = readFileSync(join(projectRoot, "docs", "README.md"), "utf8");
    const linked = new Set([...index.matchAll(/\]\(([^)#\s]+)/g)].map((m) => join(projectRoot, "docs", m[1]!)));
    const unlisted = markdownUnder(join(projectRoot, "docs"))
      .filter((page) => !page.endsWith(join("docs", "README.md")) && !page.includes(join("reference", "sources") + "/sources-read"))
      .filter((page) => !linked.has(page));
    expect(unlisted.map((p) => relative(projectRoot, p))).toEqual([]);
  });
});
