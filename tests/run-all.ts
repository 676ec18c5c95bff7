/**
 * `npm test`: every check and every suite, in the order a failure is cheapest to find, ending with one
 * line "N passed, N failed" that sums every suite. Lint, type-check and build are gates counted as one
 * test each, so a broken build can never end in "0 failed".
 */
import { spawn } from "node:child_process";
import { mkdir, readFile, rm } from "node:fs/promises";
import { join, relative } from "node:path";

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; message?: string; assertionResults: { fullName: string; status: string; failureMessages?: string[] }[] }[];
}

interface PlaywrightSuite {
  file?: string;
  specs?: { title: string; line: number; tests: { status: string; results: { error?: { message?: string } }[] }[] }[];
  suites?: PlaywrightSuite[];
}

interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  suites: PlaywrightSuite[];
}

const resultsDir = join(process.cwd(), "test-results", "summary");
const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [];
// CI keeps only the tail of the output, so the summary names each failing test and its first error line.
const failures: string[] = [];

function exec(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.once("error", () => resolve(127));
    child.once("exit", (code) => resolve(code ?? 1));
  });
}

async function gate(name: string, command: string, args: string[]): Promise<boolean> {
  const started = Date.now();
  const ok = (await exec(command, args)) === 0;
  if (ok) tally.passed++;
  else tally.failed++;
  lines.push(`${ok ? "ok  " : "FAIL"} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, "utf8"));
  } catch {
    return null;
  }
}

/**
 * The vitest suites under one Node.js: the one installed, or a release fetched from the npm registry
 * as the `node` package (the current LTS, which a production server would run).
 */
async function vitest(name: string, reportFile: string, node: string[] = []): Promise<void> {
  const output = join(resultsDir, reportFile);
  const started = Date.now();
  const command = node.length > 0 ? [...node, "node", join("node_modules", "vitest", "vitest.mjs")] : ["vitest"];
  // The second run reports in dots, so the first one's output stays readable beside it.
  const reporter = node.length > 0 ? "dot" : "default";
  const code = await exec("npx", [...command, "run", `--reporter=${reporter}`, "--reporter=json", `--outputFile.json=${output}`]);
  const report = (await readJson(output)) as VitestReport | null;
  for (const file of report?.testResults ?? []) {
    const where = relative(process.cwd(), file.name);
    for (const test of file.assertionResults) {
      if (test.status === "failed") noteFailure(name, `${where} › ${test.fullName}`, test.failureMessages?.[0]);
    }
    // A file that fails to load has no assertion results, only a message.
    if (file.assertionResults.length === 0 && file.message) noteFailure(name, where, file.message);
  }
  const suite = report
    ? {
        passed: report.numPassedTests,
        failed: report.numFailedTests + (code !== 0 && report.numFailedTests === 0 ? 1 : 0),
        skipped: report.numPendingTests + report.numTodoTests,
      }
    : { passed: 0, failed: 1, skipped: 0 };
  add(name, suite, started);
}

async function playwright(name: string, reportFile: string, args: string[] = []): Promise<void> {
  const output = join(resultsDir, reportFile);
  const started = Date.now();
  const code = await exec("npx", ["playwright", "test", ...args, "--reporter=list,json"], { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: output });
  const report = (await readJson(output)) as PlaywrightReport | null;
  const visit = (suite: PlaywrightSuite, file: string | undefined): void => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        if (test.status === "unexpected" || test.status === "flaky") {
          const error = test.results.find((result) => result.error)?.error?.message;
          noteFailure(name, `${file ?? suite.file}:${spec.line} › ${spec.title}${test.status === "flaky" ? " (flaky)" : ""}`, error);
        }
      }
    }
    for (const child of suite.suites ?? []) visit(child, file ?? suite.file);
  };
  for (const suite of report?.suites ?? []) visit(suite, suite.file);
  const suite = report
    ? {
        passed: report.stats.expected,
        failed: report.stats.unexpected + report.stats.flaky + (code !== 0 && report.stats.unexpected === 0 ? 1 : 0),
        skipped: report.stats.skipped,
      }
    : { passed: 0, failed: 1, skipped: 0 };
  add(name, suite, started);
}

function noteFailure(suite: string, test: string, error: string | undefined): void {
  const firstLine =
    (error ?? "")
      .replace(/\u001b\[[0-9;]*m/g, "")
      .split("\n")
      .find((line) => line.trim() !== "") ?? "";
  failures.push(`  ${suite}: ${test}${firstLine ? `\n      ${firstLine.trim().slice(0, 300)}` : ""}`);
}

function add(name: string, suite: Tally, started: number): void {
  tally.passed += suite.passed;
  tally.failed += suite.failed;
  tally.skipped += suite.skipped;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  lines.push(`${suite.failed === 0 ? "ok  " : "FAIL"} ${name}: ${suite.passed} passed, ${suite.failed} failed, ${suite.skipped} skipped (${seconds} s)`);
}

/** The current LTS line, which production guidance names (Node.js 20 is past its end of life). */
const LTS_NODE = "24";

// A compliance tool does not phone home, not even Next.js's anonymous build telemetry.
process.env.NEXT_TELEMETRY_DISABLED = "1";

await rm(resultsDir, { recursive: true, force: true });
await mkdir(resultsDir, { recursive: true });

await gate("prisma generate", "npx", ["prisma", "generate"]);
// Each of these uses one core and is silent when it passes: side by side, the slowest sets the time.
await Promise.all([
  gate("lint", "npx", ["eslint", "--max-warnings=0", "."]),
  gate("format", "npx", ["prettier", "--check", "--log-level=warn", "."]),
  gate("typecheck", "npx", ["tsc", "--noEmit", "-p", "."]),
]);
// Side by side, one core each. The build waits for both: its type check reads every file of the
// project, and the lint-rule tests write short-lived probe files into it.
await Promise.all([
  vitest(`vitest (unit + integration), Node.js ${process.versions.node}`, "vitest.json"),
  vitest(`vitest (unit + integration), Node.js ${LTS_NODE}`, "vitest-node-lts.json", ["-y", "-p", `node@${LTS_NODE}`]),
]);
if (await gate("next build", "npx", ["next", "build"])) {
  await playwright("playwright (end to end, Chromium)", "playwright.json");
  // After the end-to-end suite, never beside it: `npm run demo` builds the app again.
  await playwright("demo smoke (npm run demo, Chromium)", "demo-smoke.json", ["-c", "tests/demo-smoke/playwright.config.ts"]);
} else lines.push("skip playwright: the app did not build");

console.log(`\n${lines.join("\n")}\n`);
if (failures.length > 0) console.log(`Failing tests:\n${failures.join("\n")}\n`);
console.log(`${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ""}`);
process.exit(tally.failed === 0 ? 0 : 1);
