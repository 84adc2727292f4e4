import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Plugin } from "vite";
import { contentSecurityPolicy } from "./contentSecurityPolicy.ts";

export const DEV_ORIGIN = "https://localhost:3000";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** Served by `npm start` from node_modules/@microsoft/office-js/dist, so pages work offline. */
export const OFFICE_JS_LOCAL = "/office-js/office.js";

export interface OfficeAddinOptions {
  root: string;
  /** Production origin (https://host[/path]); unset for the local development build. */
  origin?: string;
}

/**
 * The add-in parts of the build:
 * - adds office.js to the pages: Microsoft's CDN for a production build, the
 *   local copy otherwise; and the functions entry to the task pane, which hosts
 *   them in the shared runtime;
 * - puts the HTML pages at the top of dist/ (taskpane.html, not taskpane/taskpane.html);
 * - copies the icons and manifest.xml, with the production origin swapped in.
 */
/** The page's Content-Security-Policy, first in its head so it covers every script. */
export function policyTag(production: boolean) {
  return {
    tag: "meta",
    attrs: { "http-equiv": "Content-Security-Policy", content: contentSecurityPolicy(production) },
    injectTo: "head-prepend" as const,
  };
}

export function officeAddin({ root, origin }: OfficeAddinOptions): Plugin {
  const officeJs = origin ? OFFICE_JS_CDN : OFFICE_JS_LOCAL;
  const base = origin ? new URL(origin).pathname.replace(/\/?$/, "/") : "/";
  return {
    name: "wfplan:office-addin",
    // After Vite's HTML plugin, whose pages this moves.
    enforce: "post",
    transformIndexHtml: {
      order: "post",
      handler(html, context) {
        const tags: { tag: string; attrs: Record<string, string>; injectTo: "head-prepend" | "head" }[] = [];
        if (/data-office-js/.test(html)) tags.push(policyTag(Boolean(origin)));
        if (/data-office-js/.test(html)) tags.push({ tag: "script", attrs: { src: officeJs }, injectTo: "head-prepend" });
        if (/data-hosts-functions/.test(html) && context.bundle) {
          tags.push({ tag: "script", attrs: { type: "module", src: `${base}functions.js` }, injectTo: "head" });
        }
        return tags;
      },
    },
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.fileName.endsWith(".html")) file.fileName = file.fileName.replace(/^.*\//, "");
      }
      for (const size of [16, 32, 64, 80]) {
        const fileName = `assets/icon-${size}.png`;
        this.emitFile({ type: "asset", fileName, source: readFileSync(join(root, "taskpane", fileName)) });
      }
      // The workbench opens the sample workbook by default.
      const sample = "examples/northfield-trust-plan.xlsx";
      this.emitFile({ type: "asset", fileName: sample, source: readFileSync(join(root, sample)) });
      const manifest = readFileSync(join(root, "manifest.xml"), "utf8");
      // An AppDomain is an origin (no path); every other URL takes the full production base.
      const published = origin
        ? manifest
            .replace(`<AppDomain>${DEV_ORIGIN}</AppDomain>`, `<AppDomain>${new URL(origin).origin}</AppDomain>`)
            .replaceAll(DEV_ORIGIN, origin.replace(/\/$/, ""))
        : manifest;
      this.emitFile({ type: "asset", fileName: "manifest.xml", source: published });
    },
  };
}
