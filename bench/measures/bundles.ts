import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { projectRoot } from "../../engine/metadata.ts";
import { judged, type Result, type Sizes } from "../measure.ts";

/*
 * 5. What Excel downloads, gzipped: the custom functions' bundle (its entry and
 *    the chunks it imports) and the task pane's (its page's scripts and theirs).
 */

const dist = join(projectRoot, "dist");
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/** A script and every chunk it imports, transitively, by file name. */
function withImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(join(dist, file), "utf8");
  for (const match of source.matchAll(/(?:from\s*|import\(\s*)["']\.{1,2}\/(?:assets\/)?([\w.-]+\.js)["']/g)) {
    const chunk = match[1]!;
    const path = existsSync(join(dist, "assets", chunk)) ? join("assets", chunk) : chunk;
    withImports(path, seen);
  }
  return seen;
}

const gzipped = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f))).length, 0);

export function bundles(sizes: Sizes): Result[] {
  if (!existsSync(join(dist, "functions.js"))) throw new Error("dist/ is not built: run npm run build first");
  const functions = gzipped(withImports("functions.js"));
  const page = readFileSync(join(dist, "taskpane.html"), "utf8");
  const entries = [...page.matchAll(/src="\.?\/?(assets\/[\w.-]+\.js)"/g)].map((m) => m[1]!);
  const pane = gzipped(new Set(entries.flatMap((entry) => [...withImports(entry)])));
  const assets = readdirSync(join(dist, "assets")).filter((f) => f.endsWith(".js")).length;
  return [
    {
      measure: "Bundle sizes, gzip: custom functions and task pane",
      value: `functions ${kb(functions)}, pane ${kb(pane)} (${assets} script files in dist/assets)`,
      target: "functions < 80 KB, pane < 350 KB",
      met: judged(sizes, functions < 80 * 1024 && pane < 350 * 1024),
      details: { functionsGzipBytes: functions, paneGzipBytes: pane },
    },
  ];
}
