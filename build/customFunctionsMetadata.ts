import type { Plugin } from "vite";
import type { FunctionMetadata } from "../engine/functionMetadata.ts";
import { generateMetadataJson } from "../engine/metadata.ts";
import { renderHelpPage } from "./helpPage.ts";

/**
 * Writes functions.json from the JSDoc of the custom functions, and the help
 * page its help links point at, and fails the build when
 * custom-functions-metadata reports any error (its own CLI exits 0 and
 * silently writes nothing; its plugin is webpack-only). For a production
 * build, the help links take the production origin.
 */
export function customFunctionsMetadata(sources: readonly string[], devOrigin: string, origin?: string): Plugin {
  return {
    name: "wfplan:custom-functions-metadata",
    apply: "build",
    async generateBundle() {
      let json: string;
      try {
        json = await generateMetadataJson(sources);
      } catch (error) {
        return this.error((error as Error).message);
      }
      if (origin) json = json.replaceAll(devOrigin, origin.replace(/\/$/, ""));
      this.emitFile({ type: "asset", fileName: "functions.json", source: json });
      const { functions } = JSON.parse(json) as { functions: FunctionMetadata[] };
      this.emitFile({ type: "asset", fileName: "help.html", source: renderHelpPage(functions) });
    },
  };
}
