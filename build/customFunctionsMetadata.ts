import type { Plugin } from "vite";
import { generateMetadataJson } from "../engine/metadata.ts";

/**
 * Writes functions.json from the JSDoc of the custom functions, and fails the
 * build when custom-functions-metadata reports any error (its own CLI exits 0
 * and silently writes nothing; its plugin is webpack-only).
 */
export function customFunctionsMetadata(source: string): Plugin {
  return {
    name: "wfplan:custom-functions-metadata",
    apply: "build",
    async generateBundle() {
      try {
        this.emitFile({ type: "asset", fileName: "functions.json", source: await generateMetadataJson(source) });
      } catch (error) {
        this.error((error as Error).message);
      }
    },
  };
}
