import { loadDriverExpressions } from "../../src/index.ts";

/*
 * The model reads driver expressions with mathjs, which the pane, the CLI and
 * every use case load on first use (loadDriverExpressions) to keep it out of
 * the pane as it opens. Tests that call runScenario directly get it loaded
 * here; the use cases' own loading is tested through them and the browser tests.
 */
await loadDriverExpressions();
