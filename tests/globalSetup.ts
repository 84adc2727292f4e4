import { build } from "vite";
import { projectRoot } from "../engine/metadata.ts";

/** Builds dist/ once for the whole run: the manifest and browser tests read it. */
export default async function setup() {
  await build({ root: projectRoot, logLevel: "warn" });
}
