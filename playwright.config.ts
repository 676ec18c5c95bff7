import { defineConfig } from "@playwright/test";
import { CHROMIUM_LAUNCH_OPTIONS } from "./tests/support/chromium";

/** Another port lets a second checkout run its suite alongside (E2E_PORT). */
const port = Number(process.env.E2E_PORT ?? 3100);

/**
 * End-to-end tests drive Debian's Chromium (never a downloaded browser) against the built app, started
 * with its real dependencies: PostgreSQL, the Compliance API simulator over HTTP.
 */
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  outputDir: "test-results/playwright",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // A trace costs about a tenth of the suite's time on two cores; E2E_TRACE=1 records one for each failure.
    trace: process.env.E2E_TRACE === "1" ? "retain-on-failure" : "off",
    contextOptions: { reducedMotion: "reduce" },
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
  },
  // One long-running server for the whole run, as in the demo: its first visitor signs in and opens the
  // home page (journey-start.setup.ts) before any other test runs.
  projects: [
    { name: "journey-start", testMatch: /journey-start\.setup\.ts$/ },
    { name: "chromium", dependencies: ["journey-start"] },
  ],
  webServer: {
    command: `node --import tsx lib/devtools/e2e-stack.ts --port ${port}`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "pipe",
    stderr: "pipe",
  },
});
