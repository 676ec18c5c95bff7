import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_LAUNCH_OPTIONS } from "../support/chromium";
import { DEMO_SMOKE } from "./demo-smoke-ports";

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The demo smoke test: `npm run demo` itself, as a newcomer starts it (it builds the app), on ports and a
 * data folder of its own so that it never meets a demo already running. Run after the end-to-end suite,
 * never beside it: the demo's build replaces the one that suite's server runs.
 */
export default defineConfig({
  testDir: ".",
  testMatch: /demo\.spec\.ts$/,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 120_000,
  outputDir: `${root}test-results/demo-smoke/playwright`,
  use: {
    baseURL: DEMO_SMOKE.appUrl,
    trace: "retain-on-failure",
    contextOptions: { reducedMotion: "reduce" },
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
  },
  webServer: {
    command: [
      `rm -rf ${DEMO_SMOKE.dataDir} &&`,
      "npm run demo --",
      `--port ${DEMO_SMOKE.appPort} --api-port ${DEMO_SMOKE.apiPort} --idp-port ${DEMO_SMOKE.idpPort} --sandbox-port ${DEMO_SMOKE.sandboxPort}`,
      `--data-dir ${DEMO_SMOKE.dataDir}`,
    ].join(" "),
    cwd: root,
    url: `${DEMO_SMOKE.appUrl}/api/health`,
    reuseExistingServer: false,
    // The demo builds the app first: minutes on a shared 2-core machine.
    timeout: 600_000,
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "pipe",
    stderr: "pipe",
  },
});
