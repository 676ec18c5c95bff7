import { tmpdir } from "node:os";
import { join } from "node:path";

/** Where the demo smoke test runs the demo: DEMO_SMOKE_PORT and the three ports after it, none of the demo's own. */
const appPort = Number(process.env.DEMO_SMOKE_PORT ?? 3200);

export const DEMO_SMOKE = {
  appPort,
  apiPort: appPort + 1,
  idpPort: appPort + 2,
  sandboxPort: appPort + 3,
  /** The demo serves the console on localhost (its NEXTAUTH_URL). */
  appUrl: `http://localhost:${appPort}`,
  apiUrl: `http://127.0.0.1:${appPort + 1}`,
  /** Outside the clone, which may sit in a private folder the database's own user cannot enter. */
  dataDir: join(tmpdir(), `docket-demo-smoke-${appPort}`),
} as const;
