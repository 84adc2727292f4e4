import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "test-results/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      // Custom function parameters are `any[][]`: that is the type Excel passes and custom-functions-metadata reads.
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["react", "react-dom", "@fluentui/*", "@microsoft/office-js", "hyperformula", "exceljs"],
              message: "src/ is the pure planning model.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", "window", "document", "Excel", "Office", "CustomFunctions"],
    },
  },
  {
    files: ["bin/**/*.mjs", "scripts/**/*.mjs", "bench/**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly" } },
  },
);
