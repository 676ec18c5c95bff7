import { join } from "node:path";

/** Where the end-to-end stack says where its parts are: tests seed sessions and read the audit log directly. */
export const E2E_STACK_FILE = join(process.cwd(), "test-results", "e2e-stack.json");

/** Where the end-to-end app process records every 5xx it answers (tests/e2e/support/server-error-recorder.mjs). */
export const E2E_SERVER_ERROR_LOG = join(process.cwd(), "test-results", "e2e-server-errors.jsonl");

/** Every line the end-to-end stack's services print (tests search it for the delete key). */
export const E2E_SERVICE_LOG = join(process.cwd(), "test-results", "e2e-services.log");

export interface E2eStackInfo {
  appUrl: string;
  /** As the app's least-privileged login. */
  databaseUrl: string;
  /** As the server's superuser: what the tests arrange (sessions, expiry, a failing audit write) and read. */
  superuserDatabaseUrl: string;
  apiBaseUrl: string;
  idpIssuer: string;
  sandboxOrigin: string;
}
