/** Playwright's web server: the built app on a throwaway database and the small simulator dataset. */
import { parseArgs } from "node:util";
import { startStack, stopOnSignals } from "./stack";

const { values } = parseArgs({ options: { port: { type: "string", default: "3100" } } });

const stack = await startStack({
  appPort: Number(values.port),
  appHost: "127.0.0.1",
  simulatorPort: 0,
  dataset: "small",
  simulatorControl: true,
});
stopOnSignals(stack);
console.log(`e2e stack ready at ${stack.appUrl}`);
