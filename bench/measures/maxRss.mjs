// Runs the wfplan command (bin/wfplan.mjs) with the arguments given, and reports on stderr, last, its peak
// resident memory: `maxRSS <kilobytes>`. The consolidation bench reads it.
process.on("exit", () => process.stderr.write(`\nmaxRSS ${process.resourceUsage().maxRSS}\n`));
await import("../../bin/wfplan.mjs");
