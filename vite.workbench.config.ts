import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { policyTag } from "./build/officeAddin.ts";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * The workbench: a second build into the same dist/, after the add-in's, so the
 * add-in's bundles (functions.js above all) hold only what Excel loads.
 */
export default defineConfig({
  plugins: [
    react(),
    {
      name: "wfplan:flatten-workbench-html",
      enforce: "post",
      // The workbench runs offline: its policy names no other origin.
      transformIndexHtml: { order: "post", handler: () => [policyTag(false)] },
      generateBundle(_options, bundle) {
        for (const file of Object.values(bundle)) if (file.fileName.endsWith(".html")) file.fileName = file.fileName.replace(/^.*\//, "");
        // The server's root opens the workbench, the add-in's embedded default.
        this.emitFile({
          type: "asset",
          fileName: "index.html",
          source:
            '<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=workbench.html"><title>wfplan</title><a href="workbench.html">Open the wfplan workbench</a>\n',
        });
      },
    },
  ],
  // The worker that reads a file off the page's thread sits with the workbench's scripts, not the add-in's.
  worker: {
    format: "es",
    rolldownOptions: {
      output: {
        entryFileNames: "workbench/[name]-[hash].js",
        chunkFileNames: "workbench/[name]-[hash].js",
        assetFileNames: "workbench/[name]-[hash][extname]",
      },
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: false,
    sourcemap: true,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      input: { workbench: `${root}workbench/workbench.html` },
      output: {
        entryFileNames: "workbench/[name]-[hash].js",
        chunkFileNames: "workbench/[name]-[hash].js",
        assetFileNames: "workbench/[name]-[hash][extname]",
      },
    },
  },
});
