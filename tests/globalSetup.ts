import { buildAll } from "../scripts/server.ts";

/** Builds dist/ once for the whole run: the manifest and browser tests read it. */
export default async function setup() {
  await buildAll("warn");
}
