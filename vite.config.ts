import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { customFunctionsMetadata } from "./build/customFunctionsMetadata.ts";
import { DEV_ORIGIN, officeAddin } from "./build/officeAddin.ts";
import { FAMILY_FILES } from "./functions/families.ts";
import { validateReferenceData } from "./src/reference/validate.ts";

const root = fileURLToPath(new URL(".", import.meta.url));
/** Set for a production build: `WFP_ORIGIN=https://wfplan.example.nhs.uk npm run build`. */
const origin = process.env.WFP_ORIGIN || undefined;

export default defineConfig({
  base: origin ? new URL(origin).pathname : "/",
  plugins: [
    // A figure that breaks its schema stops the build: the pane and functions load the data without validating it.
    { name: "wfplan:reference-data", buildStart: () => validateReferenceData() },
    react(),
    customFunctionsMetadata(
      FAMILY_FILES.map((file) => `${root}functions/${file}`),
      DEV_ORIGIN,
      origin,
    ),
    officeAddin({ root, origin }),
  ],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      input: {
        taskpane: `${root}taskpane/taskpane.html`,
        // Its own entry, so its size can be measured (dist/functions.js).
        functions: `${root}functions/register.ts`,
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === "functions" ? "functions.js" : "assets/[name]-[hash].js"),
      },
    },
  },
});
