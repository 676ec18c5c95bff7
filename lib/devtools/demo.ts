/** `npm run demo`: builds the app and starts the whole console on embedded defaults. */
import { join } from "node:path";
import { run } from "./services";
import { startStack, stopOnSignals } from "./stack";

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
});
stopOnSignals(stack);

console.log(`
Docket is running: ${stack.appUrl}
  Compliance API: ${externalApi ? stack.apiBaseUrl : `simulator at ${stack.apiBaseUrl} (dataset "demo")`}
  Database:       embedded PostgreSQL, data in .data/postgres
Press Ctrl-C to stop.
`);
