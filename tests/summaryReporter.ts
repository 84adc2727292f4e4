import type { Reporter, SerializedError, TestCase, TestModule, TestRunEndReason, TestSuite } from "vitest/node";

/**
 * Ends the run with the plain "N passed, N failed" line that CI reads. A run
 * that failed must never say 0 failed: a test skipped because a hook of its
 * suite threw (a browser that cannot start in beforeAll) counts as failed, and
 * so does a file that failed without running a test, and every error outside
 * a test.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError> = [],
    reason?: TestRunEndReason,
  ): void {
    const counts = countResults(testModules, unhandledErrors.length);
    const { passed, skipped } = counts;
    // A run that failed outside every file (a global setup that threw) still says so.
    const failed = reason === "failed" && counts.failed === 0 ? 1 : counts.failed;
    // What was skipped and why (a check that needs a Debian package names it in its suite), before the closing line.
    const why = [...new Set(skippedSuites(testModules))];
    if (why.length) process.stdout.write(`\n${why.map((name) => `skipped: ${name}`).join("\n")}\n`);
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}

/** The suites (or files) of skipped tests, by name. */
function* skippedSuites(testModules: ReadonlyArray<TestModule>): Generator<string> {
  for (const module of testModules)
    for (const test of module.children.allTests())
      if (test.result().state === "skipped") yield test.parent.type === "module" ? test.module.moduleId : test.parent.name;
}

/** A suite or file whose own hooks or collection threw. */
function broken(entity: TestSuite | TestModule): boolean {
  return entity.errors().length > 0;
}

function insideBroken(test: TestCase): boolean {
  for (let parent: TestSuite | TestModule = test.parent; ; parent = parent.parent) {
    if (broken(parent)) return true;
    if (parent.type === "module") return false;
  }
}

export function countResults(testModules: ReadonlyArray<TestModule>, unhandledErrors = 0) {
  let passed = 0;
  let failed = unhandledErrors;
  let skipped = 0;
  for (const module of testModules) {
    let failedHere = 0;
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === "passed") passed++;
      else if (state === "failed" || insideBroken(test)) failedHere++;
      else skipped++;
    }
    // A file that failed with no test to blame (an import error, a hook with no tests) is one failure.
    if (failedHere === 0 && (module.state() === "failed" || broken(module))) failedHere = 1;
    failed += failedHere;
  }
  return { passed, failed, skipped };
}
