// Runs the wfplan command (bin/wfplan.mjs) with the arguments given, and reports on stderr, last, its peak
// resident memory: `maxRSS <kilobytes>`. The consolidation bench reads it.
//
// On Linux the peak is the process's own high-water mark (VmHWM in /proc/self/status). getrusage's maxRSS,
// which process.resourceUsage() reads, also counts the parent's memory at the fork that started this process:
// spawned from a bench that had grown to 1.1 GB, a consolidation of 200 MB reported 1.17 GB.
import { readFileSync } from "node:fs";

function peakKilobytes() {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (hwm) return Number(hwm[1]);
  } catch {
    // Not Linux: getrusage's figure, which is this process's own where the platform starts processes without forking.
  }
  return process.resourceUsage().maxRSS;
}

process.on("exit", () => process.stderr.write(`\nmaxRSS ${peakKilobytes()}\n`));
await import("../../bin/wfplan.mjs");
