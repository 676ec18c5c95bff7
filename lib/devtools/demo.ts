/**
 * `npm run demo`: builds the app and starts the whole console on embedded defaults. Options (after
 * `--`) move it off its default ports and data folder, so a second demo, or the demo smoke test, can
 * run beside the first.
 */
import { createHash } from "node:crypto";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { postgresCanReach } from "./postgres";
import { run } from "./services";
import { startStack, stopOnSignals } from "./stack";

// A compliance tool does not phone home, not even Next.js's anonymous build telemetry.
process.env.NEXT_TELEMETRY_DISABLED = "1";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "3000" },
    "api-port": { type: "string", default: "4010" },
    "idp-port": { type: "string", default: "4011" },
    "sandbox-port": { type: "string", default: "4012" },
    "data-dir": { type: "string" },
  },
});

function port(option: keyof typeof values): number {
  const value = Number(values[option]);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    console.error(`--${option} must be a port number (0 picks a free one), not ${JSON.stringify(values[option])}`);
    process.exit(2);
  }
  return value;
}

const appPort = port("port");
if (appPort === 0) {
  console.error("--port must name a port: the identity provider needs the console's address before it starts");
  process.exit(2);
}
const dataDir = await chooseDataDir(values["data-dir"]);

/**
 * The given folder, else .data in the clone; but as root in a private folder (a clone in /root) the
 * database's own user cannot reach .data, so the demo keeps its database and audit checkpoint together
 * in a folder of its own under /var/lib, named after the clone, and says so.
 */
async function chooseDataDir(given: string | undefined): Promise<string> {
  if (given !== undefined) return resolve(given);
  const local = resolve(".data");
  if (await postgresCanReach(join(local, "postgres"))) return local;
  const outside = join("/var/lib/docket-demo", createHash("sha256").update(process.cwd()).digest("hex").slice(0, 12));
  console.log(`The embedded PostgreSQL runs as the "postgres" user, who cannot enter this private folder: the demo keeps its data in ${outside}.`);
  return outside;
}

const baseUrl = process.env.COMPLIANCE_API_BASE_URL;
const apiKey = process.env.COMPLIANCE_API_KEY;
const deleteKey = process.env.COMPLIANCE_API_DELETE_KEY;
const externalApi = baseUrl && apiKey ? { baseUrl, apiKey, deleteKey } : undefined;

await run("npx", ["prisma", "generate"]);
await run("npx", ["next", "build"]);

const stack = await startStack({
  appPort,
  appHost: "localhost",
  simulatorPort: port("api-port"),
  dataset: "demo",
  databaseDir: join(dataDir, "postgres"),
  externalApi,
  simulatorControl: false,
  idpPort: port("idp-port"),
  sandboxPort: port("sandbox-port"),
  auditCheckpointFile: join(dataDir, "audit", "checkpoint.json"),
  evidenceDir: join(dataDir, "evidence"),
  idpTestUsers: false,
  // The simulator's feed shows a call at once; a real API takes up to a minute, which the default allows for.
  workerEnv: externalApi ? {} : { DOCKET_FEED_LAG_SECONDS: "0" },
});
stopOnSignals(stack);

console.log(`
Docket is running: ${stack.appUrl}
  Compliance API: ${externalApi ? stack.apiBaseUrl : `simulator at ${stack.apiBaseUrl} (dataset "demo")`}
  Sign-in:        local identity provider at ${stack.idpIssuer}
                  reviewer@, approver@, auditor@, admin@ and nobody@docket.test, password "docket"
  Database:       embedded PostgreSQL, data in ${join(dataDir, "postgres")}
  Worker:         collections run in the background; evidence kept in ${join(dataDir, "evidence")}
Press Ctrl-C to stop.
`);
