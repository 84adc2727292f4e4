import { existsSync, readFileSync } from "node:fs";
import { readFile, mkdir, writeFile, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { HyperFormula, Sheets } from "hyperformula";
import { createEngine, registerWfpFunctions } from "./hyperformula.ts";

import { FAMILY_FILES } from "../functions/families.ts";
import type { FunctionMetadata } from "./functionMetadata.ts";

export type { FunctionMetadata };

/** The project's folder: found from this file upwards, as the CLI may run it from a bundle under node_modules/.cache. */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "wfplan") return dir;
    if (dirname(dir) === dir) return join(from, "..");
  }
}

export const projectRoot = findProjectRoot(dirname(fileURLToPath(import.meta.url)));
/** The files of the WFP functions, one a family, whose JSDoc is their metadata. */
export const FUNCTION_SOURCES = FAMILY_FILES.map((file) => join(projectRoot, "functions", file));
const CACHE = join(projectRoot, "node_modules", ".cache", "wfplan", "functions-v2.json");

/**
 * Generates functions.json from the JSDoc of the functions' family files with
 * custom-functions-metadata, failing loudly on any error it reports (its CLI
 * exits 0 on errors and just writes nothing).
 */
export async function generateMetadataJson(sources: readonly string[] = FUNCTION_SOURCES): Promise<string> {
  // Loaded only to regenerate: it brings TypeScript, about 0.4 s, which a CLI start with a fresh cache does not need.
  const { generateCustomFunctionsMetadata } = await import("custom-functions-metadata");
  const result = await generateCustomFunctionsMetadata([...sources], false);
  if (result.errors.length > 0) {
    throw new Error(
      `custom-functions-metadata found ${result.errors.length} error(s) in ${sources.join(", ")}:\n${result.errors.join("\n")}`,
    );
  }
  return withErrorArguments(result.metadataJson);
}

/**
 * Lets Excel call the functions with errors in their ranges, so one #N/A in
 * 1,000 rows gives that row's error and the rest their figures. Microsoft
 * documents `allowErrorForDataTypeAny` for hand-written metadata only (the
 * generator neither reads nor writes it), so it is added to the generated
 * JSON here, as the first key beside the generator's own
 * `allowCustomDataForDataTypeAny`.
 */
export function withErrorArguments(json: string): string {
  const metadata = JSON.parse(json) as Record<string, unknown>;
  return JSON.stringify({ allowErrorForDataTypeAny: true, ...metadata }, null, 4);
}

/**
 * The metadata the build generates, cached so the CLI starts fast: it is
 * regenerated whenever a family's file is newer than the cache.
 */
export async function loadMetadata(): Promise<FunctionMetadata[]> {
  const [cached, ...sources] = await Promise.all([stat(CACHE).catch(() => undefined), ...FUNCTION_SOURCES.map((file) => stat(file))]);
  let json: string;
  if (cached && sources.every((source) => cached.mtimeMs >= source.mtimeMs)) {
    json = await readFile(CACHE, "utf8");
  } else {
    json = await generateMetadataJson();
    await mkdir(dirname(CACHE), { recursive: true });
    await writeFile(CACHE, json);
  }
  return (JSON.parse(json) as { functions: FunctionMetadata[] }).functions;
}

/** A HyperFormula workbook with the WFP functions, in Node. */
export async function createNodeEngine(sheets?: Sheets): Promise<HyperFormula> {
  registerWfpFunctions(await loadMetadata());
  return createEngine(sheets);
}
