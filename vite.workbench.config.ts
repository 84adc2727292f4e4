import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

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
      generateBundle(_options, bundle) {
        for (const file of Object.values(bundle)) if (file.fileName.endsWith(".html")) file.fileName = file.fileName.replace(/^.*\//, "");
      },
    },
  ],
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
