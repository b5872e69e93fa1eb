// Ends a test run with one plain line, `tests: N passed, N failed[, N skipped]`, that CI reads.
function count(suite, totals) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite?.suites ?? []) count(child, totals);
  return totals;
}

export function summaryReporter() {
  return {
    stop({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        // A file that failed to load has errors but no test results: count it as a failure.
        if (!session.passed && !session.testResults?.tests?.length && !session.testResults?.suites?.length)
          totals.failed++;
      }
      const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
      const line = `tests: ${totals.passed} passed, ${totals.failed} failed${skipped}`;
      // Printed at exit, after the dynamic progress display has been redrawn for the last time.
      process.once('exit', () => process.stdout.write(`\n${line}\n`));
    },
  };
}
