// Sums the outcome of every step of scripts/test-all.sh and prints one closing line: "N passed, N failed"
// (", N skipped" follows when some were skipped). Exits 1 when anything failed.
//
// Each step is a line of <results dir>/steps.jsonl (see scripts/lib/steps.sh):
//   check  - lint, typecheck: one test, passed or failed by exit code
//   runner - Vitest or Playwright: the tests in its JSON report; a runner that exits non-zero without reporting
//            a failed test (crash, file that does not load) adds one failure; a runner without a usable report
//            (killed, crashed before writing it) fails every test of its listing (<name>-list.json) when the test
//            script made one, and at least one, whatever its exit code
//   setup  - install, database, build: counted only when it fails, as one failure
import fs from 'node:fs';
import path from 'node:path';

const resultsDir = path.resolve(process.argv[2] ?? '.tmp/results');

/** Vitest's JSON report: tests by state, plus one failure per file that failed without a failed test. */
function countVitest(report) {
  const counts = {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
  for (const file of report.testResults ?? []) {
    const failedTests = file.assertionResults.filter((a) => a.status === 'failed').length;
    if (file.status === 'failed' && failedTests === 0) counts.failed += 1;
  }
  return counts;
}

function countPlaywrightTests(report) {
  let count = 0;
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) count += spec.tests.length;
    for (const child of suite.suites ?? []) walk(child);
  };
  (report.suites ?? []).forEach(walk);
  return count;
}

/**
 * Playwright's JSON report: flaky tests passed on a retry. When something outside the tests failed (global setup),
 * the tests never ran: each test of the listing the test script made then (<name>-list.json) counts as failed.
 */
function countPlaywright(report, file) {
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats ?? {};
  const counts = { passed: expected + flaky, failed: unexpected, skipped, flaky };
  const errors = report.errors?.length ?? 0;
  const listFile = file.replace(/\.json$/, '-list.json');
  const listed =
    errors && fs.existsSync(listFile)
      ? countPlaywrightTests(JSON.parse(fs.readFileSync(listFile, 'utf8')))
      : 0;
  const ran = counts.passed + counts.failed + counts.skipped;
  counts.failed += Math.max(errors, listed - ran);
  if (listed > ran)
    counts.note = `${listed - ran} did not run: ${report.errors[0]?.message?.split('\n')[0] ?? 'error outside tests'}`;
  return counts;
}

function readReport(file) {
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (typeof report.numTotalTests === 'number') return countVitest(report);
  if (report.stats && report.suites) return countPlaywright(report, file);
  throw new Error('not a Vitest or Playwright JSON report');
}

function countStep(step) {
  const ok = step.exitCode === 0;
  if (step.kind === 'check') return { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 };
  if (step.kind === 'setup') return { passed: 0, failed: ok ? 0 : 1, skipped: 0 };
  let counts;
  let note;
  const file = path.resolve(step.results);
  try {
    ({ note = '', ...counts } = readReport(file));
  } catch (err) {
    // No report means the tests were not seen to pass: each one listed, or the runner as one, is a failure.
    const listFile = file.replace(/\.json$/, '-list.json');
    let listed = 0;
    try {
      listed = countPlaywrightTests(JSON.parse(fs.readFileSync(listFile, 'utf8')));
    } catch {
      // No listing either.
    }
    counts = { passed: 0, failed: Math.max(1, listed), skipped: 0 };
    note = `no usable report (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`;
  }
  if (!ok && counts.failed === 0) {
    counts.failed += 1;
    note ||= `exited with ${step.exitCode} without a failed test`;
  }
  return { ...counts, note };
}

const stepsFile = path.join(resultsDir, 'steps.jsonl');
const steps = fs.existsSync(stepsFile)
  ? fs
      .readFileSync(stepsFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
  : [];

const total = { passed: 0, failed: 0, skipped: 0 };
console.log('\nSummary');
for (const step of steps) {
  const c = countStep(step);
  total.passed += c.passed;
  total.failed += c.failed;
  total.skipped += c.skipped;
  const parts = [`${c.passed} passed`, `${c.failed} failed`];
  if (c.skipped) parts.push(`${c.skipped} skipped`);
  if (c.flaky) parts.push(`${c.flaky} flaky`);
  const status = step.exitCode === 0 ? 'ok' : `exit ${step.exitCode}`;
  const detail = step.kind === 'setup' && step.exitCode === 0 ? '' : parts.join(', ');
  console.log(
    `  ${step.name.padEnd(18)} ${status.padEnd(7)} ${`${step.seconds}s`.padStart(7)}  ${detail}${c.note ? ` — ${c.note}` : ''}`,
  );
}
if (steps.length === 0) {
  total.failed += 1;
  console.log(`  no steps recorded in ${stepsFile}`);
}

console.log(
  `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`,
);
process.exit(total.failed > 0 ? 1 : 0);
