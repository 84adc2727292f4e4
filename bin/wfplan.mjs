#!/usr/bin/env node
// The wfplan command. It runs a bundle of the CLI kept under
// node_modules/.cache/wfplan/cli and rebuilt (with esbuild, in about 0.1 s)
// whenever a source file is newer, so `npx wfplan` works on a fresh clone
// after `npm install` with no build step, and starts in about a third of a
// second rather than compiling TypeScript at every start. Where esbuild cannot
// be loaded, it runs the sources through tsx as before.
import { mkdir, readdir, rename, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = join(root, "node_modules", ".cache", "wfplan", "cli");
const entry = join(outdir, "main.mjs");
const SOURCES = ["cli", "engine", "excelHost", "files", "functions", "src", "taskpane", "workbench", "xlsx"];

async function newestSourceTime() {
  let newest = 0;
  const walk = async (dir) => {
    for (const item of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, item.name);
      if (item.isDirectory()) await walk(path);
      else if (/\.(ts|json)$/.test(item.name)) {
        // Read the time first: \`newest = Math.max(newest, await ...)\` would read \`newest\` before the await, and the
        // folders are walked at once, so a newer file's time could be overwritten by a stale one (a stale bundle ran).
        const time = (await stat(path)).mtimeMs;
        newest = Math.max(newest, time);
      }
    }
  };
  await Promise.all(SOURCES.map((dir) => walk(join(root, dir))));
  return Math.max(newest, (await stat(join(root, "package.json"))).mtimeMs);
}

async function bundle() {
  const built = await stat(entry).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  if (built && built >= (await newestSourceTime())) return entry;
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: { main: join(root, "cli", "main.ts") },
    bundle: true,
    splitting: true, // keeps the CLI's lazy imports (exceljs only with --workbook) lazy
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    outdir,
    outExtension: { ".js": ".mjs" },
    write: false,
    logLevel: "silent",
  });
  await mkdir(outdir, { recursive: true });
  // Chunks first, the entry last, each written whole and renamed into place, so a run beside this one never reads half a file.
  const files = [...result.outputFiles].sort((a, b) => Number(a.path === entry) - Number(b.path === entry));
  for (const file of files) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    await mkdir(dirname(file.path), { recursive: true });
    await writeFile(temporary, file.contents);
    await rename(temporary, file.path);
  }
  return entry;
}

let main;
try {
  ({ main } = await import(pathToFileURL(await bundle()).href));
} catch {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../cli/main.ts"));
}
process.exitCode = await main(process.argv.slice(2), process.stdout, process.stderr);
