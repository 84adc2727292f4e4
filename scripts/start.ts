/*
 * `npm start`: builds the add-in and serves it on localhost:3000, over HTTPS
 * with the Office developer certificates when they can be installed (Excel
 * needs them), otherwise over HTTP for the workbench, saying why.
 */
import type { ServerOptions } from "node:https";
import { serve } from "./server.ts";

async function developerCertificates(): Promise<ServerOptions | string> {
  if (process.env.WFP_HTTP === "1") return "WFP_HTTP=1 asks for plain HTTP";
  try {
    const { getHttpsServerOptions } = await import("office-addin-dev-certs");
    return await Promise.race([
      getHttpsServerOptions(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out after 30 s")), 30_000)),
    ]);
  } catch (error) {
    return (error as Error).message.trim();
  }
}

const certificates = await developerCertificates();
const https = typeof certificates === "string" ? undefined : certificates;
if (!https) {
  console.warn(
    `\nThe Office developer certificate could not be installed (${certificates}).\n` +
      "Serving over HTTP: the workbench works in any browser, but Excel only loads add-ins over trusted HTTPS.\n" +
      "On Windows or a Mac, run `npx office-addin-dev-certs install` once, then `npm start` again.\n",
  );
}
const port = Number(process.env.PORT ?? 3000);
const { origin } = await serve({ port, https });
console.log(`
wfplan is running.
  Workbench (the add-in beside a workbook, no Excel needed): ${origin}/  (${origin}/workbench.html)
  Task pane:                                                  ${origin}/taskpane.html
  Manifest (sideload into Excel):                             ${origin}/manifest.xml
  Custom functions metadata:                                  ${origin}/functions.json
Press Ctrl+C to stop.`);
