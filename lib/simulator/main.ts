// CLI entry: `npx tsx lib/simulator/main.ts` (the `npm run simulator` script).

import { EnvError, optionsFromEnv } from "./env";
import { startSimulator } from "./server";

async function main(): Promise<void> {
  let options;
  try {
    options = optionsFromEnv(process.env);
  } catch (err) {
    if (err instanceof EnvError) {
      console.error(`Compliance API simulator: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const sim = await startSimulator(options);
  console.log(`Compliance API simulator listening on ${sim.url} (dataset ${options.dataset}, seed ${options.seed})`);
  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((err: unknown) => {
  console.error("Compliance API simulator failed to start:", err);
  process.exit(1);
});
