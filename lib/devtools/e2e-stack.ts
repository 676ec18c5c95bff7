/** Playwright's web server: the built app on a throwaway database and the small simulator dataset. */
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { E2E_SERVER_ERROR_LOG, E2E_SERVICE_LOG, E2E_STACK_FILE, type E2eStackInfo } from "./e2e-stack-file";
import { startStack, stopOnSignals } from "./stack";

const { values } = parseArgs({ options: { port: { type: "string", default: "3100" } } });

await mkdir(dirname(E2E_SERVICE_LOG), { recursive: true });
await writeFile(E2E_SERVICE_LOG, "");
const stack = await startStack({
  logFile: E2E_SERVICE_LOG,
  appPort: Number(values.port),
  appHost: "127.0.0.1",
  simulatorPort: 0,
  dataset: "small",
  simulatorControl: true,
  idpPort: 0,
  sandboxPort: 0,
  auditCheckpointFile: join(await mkdtemp(join(tmpdir(), "docket-e2e-audit-")), "checkpoint.json"),
  evidenceDir: await mkdtemp(join(tmpdir(), "docket-e2e-evidence-")),
  // A worker the tests stop is replaced sooner, and a collection's steps follow each other quickly; the
  // simulator's feed shows a call at once, so the reconciliation need not stay behind it.
  workerEnv: { DOCKET_WORKER_LEASE_SECONDS: "5", DOCKET_FEED_LAG_SECONDS: "0" },
  idpTestUsers: true,
  appProcess: {
    nodeArgs: ["--import", pathToFileURL(join(process.cwd(), "tests", "e2e", "support", "server-error-recorder.mjs")).href],
    env: { E2E_SERVER_ERROR_LOG },
  },
  // Written before the app answers, so no test can start before it exists.
  beforeApp: async (parts) => {
    const info: E2eStackInfo = parts;
    await mkdir(dirname(E2E_STACK_FILE), { recursive: true });
    await writeFile(E2E_STACK_FILE, JSON.stringify(info));
    await writeFile(E2E_SERVER_ERROR_LOG, "");
  },
});
stopOnSignals(stack);
console.log(`e2e stack ready at ${stack.appUrl}`);
