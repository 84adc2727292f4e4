import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { projectRoot } from "../../engine/metadata.ts";
import { judged, type Result, type Sizes } from "../measure.ts";

/*
 * 5. What Excel downloads, gzipped: the custom functions' bundle (its entry and
 *    the chunks it imports) and the task pane's as it opens (its page's
 *    scripts, theirs, and the cards it renders at once); what it loads only
 *    when asked for is given beside.
 */

const dist = join(projectRoot, "dist");
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/** Lazy chunks of the pane's entry that load only when the planner asks (the ICS system view, behind its button). */
const ON_DEMAND = [/^SystemCard-/];

/**
 * A script and every chunk it imports, transitively, by file name. Static
 * imports always; dynamic imports (`import(...)`) only when `dynamic`: the
 * pane's entry renders its scenario and compare cards at once, so their
 * chunks load as it opens, while the ICS view (ON_DEMAND) and a dynamic
 * import inside a card (the trusts' workbook reader) load when asked for.
 */
function withImports(file: string, dynamic = false, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(join(dist, file), "utf8");
  const statics = /from\s*["'`]\.{1,2}\/(?:assets\/)?([\w.-]+\.js)["'`]/g;
  const lazies = /import\(\s*["'`]\.{1,2}\/(?:assets\/)?([\w.-]+\.js)["'`]/g;
  const lazy = dynamic ? [...source.matchAll(lazies)].filter((m) => !ON_DEMAND.some((name) => name.test(m[1]!))) : [];
  for (const match of [...source.matchAll(statics), ...lazy]) {
    const chunk = match[1]!;
    const path = existsSync(join(dist, "assets", chunk)) ? join("assets", chunk) : chunk;
    withImports(path, false, seen);
  }
  return seen;
}

/** Every chunk a script can reach, dynamic imports at any depth included. */
function reachable(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(join(dist, file), "utf8");
  for (const match of source.matchAll(/(?:from\s*|import\(\s*)["'`]\.{1,2}\/(?:assets\/)?([\w.-]+\.js)["'`]/g)) {
    const chunk = match[1]!;
    reachable(existsSync(join(dist, "assets", chunk)) ? join("assets", chunk) : chunk, seen);
  }
  return seen;
}

const gzipped = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f))).length, 0);

export function bundles(sizes: Sizes): Result[] {
  if (!existsSync(join(dist, "functions.js"))) throw new Error("dist/ is not built: run npm run build first");
  const functions = gzipped(withImports("functions.js"));
  const page = readFileSync(join(dist, "taskpane.html"), "utf8");
  const entries = [...page.matchAll(/src="\.?\/?(assets\/[\w.-]+\.js)"/g)].map((m) => m[1]!);
  const opens = new Set(entries.flatMap((entry) => [...withImports(entry, true)]));
  const pane = gzipped(opens);
  const onDemand = gzipped([...new Set(entries.flatMap((entry) => [...reachable(entry)]))].filter((f) => !opens.has(f)));
  return [
    {
      measure: "Bundle sizes, gzip: custom functions and task pane",
      value: `functions ${kb(functions)}, pane ${kb(pane)} (${opens.size} scripts as it opens, its cards included; ${kb(onDemand)} more only when asked for)`,
      target: "functions < 80 KB, pane < 350 KB",
      met: judged(sizes, functions < 80 * 1024 && pane < 350 * 1024),
      details: { functionsGzipBytes: functions, paneGzipBytes: pane, onDemandGzipBytes: onDemand },
    },
  ];
}
