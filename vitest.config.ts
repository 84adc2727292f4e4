import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    // Browser tests build and serve the add-in once; they run in their own files after the fast ones.
    testTimeout: 30_000,
    hookTimeout: 240_000,
    pool: "forks",
    globalSetup: ["tests/globalSetup.ts"],
    setupFiles: ["tests/setup/driverExpressions.ts"],
    reporters: ["default", "./tests/summaryReporter.ts"],
  },
});
