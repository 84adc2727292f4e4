import type { ServerOptions } from "node:https";
import { build, preview, type PreviewServer } from "vite";
import { serveOfficeJs } from "../build/serveOfficeJs.ts";
import { projectRoot } from "../engine/metadata.ts";

export interface ServeOptions {
  port?: number;
  https?: ServerOptions;
  /** Skip the build when dist/ is already fresh (tests build once). */
  skipBuild?: boolean;
  quiet?: boolean;
}

/** Builds the add-in into dist/, then the workbench beside it. */
export async function buildAll(logLevel: "info" | "warn" = "info"): Promise<void> {
  // The bundles as they ship, React's production build included, whatever NODE_ENV the caller runs under: vitest sets
  // "test", and Vite then bundled React's development build (a third larger, and slower in the browser tests).
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({ root: projectRoot, logLevel });
    await build({ root: projectRoot, logLevel, configFile: `${projectRoot}/vite.workbench.config.ts` });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}

/** Builds everything and serves dist/ (and office.js) on localhost. */
export async function serve(options: ServeOptions = {}): Promise<{ server: PreviewServer; origin: string }> {
  const logLevel = options.quiet ? "warn" : "info";
  if (!options.skipBuild) await buildAll(logLevel);
  const server = await preview({
    root: projectRoot,
    logLevel,
    plugins: [serveOfficeJs(projectRoot)],
    preview: { port: options.port ?? 3000, strictPort: true, host: "localhost", https: options.https, open: false },
  });
  const address = server.httpServer.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return { server, origin: `${options.https ? "https" : "http"}://localhost:${port}` };
}
