import { createReadStream, statSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import type { Plugin } from "vite";

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".png": "image/png",
  ".gif": "image/gif",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
};

/**
 * Serves the whole @microsoft/office-js/dist folder at /office-js/: office.js
 * loads further files from its own folder, and this machine (like many NHS
 * networks' test rigs) cannot reach Microsoft's CDN.
 */
export function serveOfficeJs(root: string): Plugin {
  const folder = join(root, "node_modules", "@microsoft", "office-js", "dist");
  const handler = (req: { url?: string }, res: import("node:http").ServerResponse, next: () => void) => {
    const path = decodeURIComponent((req.url ?? "/").split("?")[0]!);
    const file = normalize(join(folder, path));
    if (!file.startsWith(folder + sep)) return next();
    let size: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) return next();
      size = stat.size;
    } catch {
      return next();
    }
    res.writeHead(200, {
      "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
      "Content-Length": size,
      "Cache-Control": "max-age=3600",
    });
    createReadStream(file).pipe(res);
  };
  return {
    name: "wfplan:serve-office-js",
    configurePreviewServer(server) {
      server.middlewares.use("/office-js", handler);
    },
    configureServer(server) {
      server.middlewares.use("/office-js", handler);
    },
  };
}
