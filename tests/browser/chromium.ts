import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { projectRoot } from "../../engine/metadata.ts";

/*
 * Which Chromium the browser tests drive, chosen once per run in the global
 * setup (two suites unpacking one binary at once collide with ETXTBSY):
 *
 * 1. CHROMIUM_PATH, when set;
 * 2. on Linux x64, the Chromium that @sparticuz/chromium ships compressed inside
 *    its npm package (no download at install), unpacked once into a folder per
 *    version under node_modules/.cache;
 * 3. a system Chromium (Debian's /usr/bin/chromium and the like);
 * 4. on Windows and macOS, an installed Edge or Chrome, through playwright-core's channels.
 */

export interface ChromiumChoice {
  /** What was chosen, for the test log and the README. */
  source: string;
  executablePath?: string;
  channel?: "msedge" | "chrome";
  /** Extra environment for the browser process (the packaged libraries and fonts). */
  env?: Record<string, string>;
  /** Why no browser could be chosen: the browser suites fail with it, the others still run. */
  error?: string;
}

const SYSTEM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

export function chooseChromium(): ChromiumChoice {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is ${fromEnv}, which does not exist`);
    return { source: `CHROMIUM_PATH (${fromEnv})`, executablePath: fromEnv };
  }
  if (process.platform === "linux" && process.arch === "x64") {
    const packaged = unpackPackagedChromium();
    if (packaged) return packaged;
  }
  const system = SYSTEM_PATHS.find((path) => existsSync(path));
  if (system) return { source: `system Chromium (${system})`, executablePath: system };
  if (process.platform === "win32" || process.platform === "darwin") return { source: "installed Microsoft Edge", channel: "msedge" };
  throw new Error(
    "no Chromium to run the browser tests: set CHROMIUM_PATH, run `npm install` on Linux x64 (it brings @sparticuz/chromium), or install Chromium",
  );
}

/** The folder holding @sparticuz/chromium's compressed files, or undefined when it is not installed. */
function packagedBin(): { bin: string; version: string } | undefined {
  try {
    // The package's exports map hides package.json: find it beside its entry point.
    const entry = createRequire(import.meta.url).resolve("@sparticuz/chromium");
    let manifest = join(dirname(entry), "package.json");
    while (!existsSync(manifest) || !readFileSync(manifest, "utf8").includes('"@sparticuz/chromium"')) {
      if (dirname(dirname(manifest)) === dirname(manifest)) return undefined;
      manifest = join(dirname(dirname(manifest)), "package.json");
    }
    const version = (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
    return { bin: join(dirname(manifest), "bin"), version };
  } catch {
    return undefined;
  }
}

/**
 * Unpacks the packaged Chromium (brotli) and its fonts and libraries (tar,
 * brotli) into node_modules/.cache/wfplan-chromium/<version>. Writes into a
 * temporary folder and renames it, so a half-written binary is never launched.
 */
export function unpackPackagedChromium(): ChromiumChoice | undefined {
  const packaged = packagedBin();
  if (!packaged) return undefined;
  const folder = join(projectRoot, "node_modules", ".cache", "wfplan-chromium", packaged.version);
  const binary = join(folder, "chromium");
  if (!existsSync(binary)) {
    const partial = `${folder}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(partial, { recursive: true });
    writeFileSync(join(partial, "chromium"), brotliDecompressSync(readFileSync(join(packaged.bin, "chromium.br"))), { mode: 0o755 });
    for (const archive of ["fonts", "al2023"]) {
      extractTar(brotliDecompressSync(readFileSync(join(packaged.bin, `${archive}.tar.br`))), join(partial, archive));
    }
    rmSync(folder, { recursive: true, force: true });
    renameSync(partial, folder);
  }
  const env: Record<string, string> = {};
  // The package carries NSS, NSPR and expat for systems without them; use them only where the system lacks a library.
  if (missingLibraries(binary))
    env.LD_LIBRARY_PATH = [join(folder, "al2023", "lib"), process.env.LD_LIBRARY_PATH].filter(Boolean).join(":");
  if (!existsSync("/etc/fonts/fonts.conf")) env.FONTCONFIG_PATH = join(folder, "fonts");
  return { source: `@sparticuz/chromium ${packaged.version} (${binary})`, executablePath: binary, env };
}

function missingLibraries(binary: string): boolean {
  try {
    return execFileSync("ldd", [binary], { encoding: "utf8" }).includes("not found");
  } catch {
    return true;
  }
}

/** Extracts the regular files and folders of a ustar archive: all the packaged archives hold. */
function extractTar(archive: Buffer, into: string): void {
  mkdirSync(into, { recursive: true });
  for (let offset = 0; offset + 512 <= archive.length;) {
    const header = archive.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (start: number, length: number) => header.toString("utf8", start, start + length).replace(/\0.*$/s, "");
    const name = `${field(345, 155) ? `${field(345, 155)}/` : ""}${field(0, 100)}`;
    const size = parseInt(field(124, 12).trim() || "0", 8);
    const type = field(156, 1) || "0";
    const target = join(into, name);
    if (!target.startsWith(into)) throw new Error(`archive entry ${name} leaves its folder`);
    if (type === "5") mkdirSync(target, { recursive: true });
    else if (type === "0") {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, archive.subarray(offset + 512, offset + 512 + size), { mode: parseInt(field(100, 8).trim() || "644", 8) });
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
}
