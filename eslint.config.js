import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

/** A no-restricted-imports rule for each room's files: the patterns it may not import, and why. */
function rooms(byGlob) {
  return Object.entries(byGlob).map(([glob, { forbidden, why }]) => ({
    files: [glob],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: forbidden, message: why }] }] },
  }));
}

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "test-results/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // The functions' host boundary: custom function parameters are `any[][]`, the type Excel passes and custom-functions-metadata reads.
    files: ["functions/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  // The import rules between rooms (docs/developers/architecture.md): each room imports only what lies below it.
  ...rooms({
    "src/**/*.ts": {
      forbidden: [
        "react",
        "react-dom",
        "@fluentui/*",
        "@microsoft/office-js",
        "hyperformula",
        "exceljs",
        "jszip",
        "**/taskpane/**",
        "**/engine/**",
        "**/workbench/**",
        "**/functions/**",
        "**/cli/**",
        "**/files/**",
        "**/excelHost/**",
        "**/xlsx/**",
      ],
      why: "src/ is the pure planning model: no host, no UI, no file format.",
    },
    "functions/**/*.ts": {
      forbidden: [
        "react",
        "react-dom",
        "@fluentui/*",
        "hyperformula",
        "exceljs",
        "**/taskpane/**",
        "**/engine/**",
        "**/workbench/**",
        "**/cli/**",
        "**/excelHost/**",
      ],
      why: "functions/ are thin wrappers over src/, loaded by Excel: no pane, no engine.",
    },
    "taskpane/**/*.{ts,tsx}": {
      forbidden: ["hyperformula", "exceljs", "**/engine/**", "**/workbench/**", "**/cli/**", "**/excelHost/**"],
      why: "The add-in bundle carries no GPL code and no emulation: the pane talks to Excel through taskpane/adapter only.",
    },
    "files/**/*.ts": {
      forbidden: ["hyperformula", "react", "react-dom", "@fluentui/*", "**/engine/**", "**/workbench/**", "**/excelHost/**"],
      why: "files/ reads other trusts' workbooks inside the add-in bundle: no GPL code.",
    },
    "xlsx/**/*.ts": {
      forbidden: [
        "hyperformula",
        "react",
        "react-dom",
        "@fluentui/*",
        "**/engine/**",
        "**/workbench/**",
        "**/taskpane/**",
        "**/excelHost/**",
      ],
      why: "xlsx/ is the one .xlsx reading room, shared by the engine and the pane: no GPL code, no host.",
    },
    "engine/**/*.ts": {
      forbidden: ["react", "react-dom", "@fluentui/*", "**/taskpane/**", "**/workbench/**", "**/cli/**", "**/excelHost/**"],
      why: "engine/ is the HyperFormula workbook: no pane, no host, no browser.",
    },
    "excelHost/**/*.ts": {
      forbidden: ["react", "react-dom", "@fluentui/*", "**/taskpane/**", "**/workbench/**", "**/cli/**"],
      why: "excelHost/ is the Excel JavaScript API over the engine, used by the workbench, the CLI and the tests: it imports neither.",
    },
  }),
  {
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", "window", "document", "Excel", "Office", "CustomFunctions"],
    },
  },
  {
    // Only the adapter talks to Excel: cards, use cases and the rest of the pane never touch Excel or Office themselves.
    files: ["taskpane/**/*.{ts,tsx}"],
    ignores: ["taskpane/adapter/**"],
    rules: { "no-restricted-globals": ["error", { name: "Excel", message: "Only taskpane/adapter/ calls Excel." }] },
  },
  {
    files: ["bin/**/*.mjs", "scripts/**/*.mjs", "bench/**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly" } },
  },
);
