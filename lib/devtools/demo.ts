/** `npm run demo`: builds the app and starts the whole console on embedded defaults. */
import { join } from "node:path";
import { run } from "./services";
import { startStack, stopOnSignals } from "./stack";

// A compliance tool does not phone home, not even Next.js's anonymous build telemetry.
process.env.NEXT_TELEMETRY_DISABLED = "1";

const baseUrl = process.env.COMPLIANCE_API_BASE_URL;
const apiKey = process.env.COMPLIANCE_API_KEY;
const externalApi = baseUrl && apiKey ? { baseUrl, apiKey } : undefined;

await run("npx", ["prisma", "generate"]);
await run("npx", ["next", "build"]);

const stack = await startStack({
  appPort: 3000,
  appHost: "localhost",
  simulatorPort: 4010,
  dataset: "demo",
  databaseDir: join(process.cwd(), ".data", "postgres"),
  externalApi,
  simulatorControl: false,
  idpPort: 4011,
  sandboxPort: 4012,
  auditCheckpointFile: join(process.cwd(), ".data", "audit", "checkpoint.json"),
  idpTestUsers: false,
});
stopOnSignals(stack);

console.log(`
Docket is running: ${stack.appUrl}
  Compliance API: ${externalApi ? stack.apiBaseUrl : `simulator at ${stack.apiBaseUrl} (dataset "demo")`}
  Sign-in:        local identity provider at ${stack.idpIssuer}
                  reviewer@, approver@, auditor@, admin@ and nobody@docket.test, password "docket"
  Database:       embedded PostgreSQL, data in .data/postgres
Press Ctrl-C to stop.
`);
