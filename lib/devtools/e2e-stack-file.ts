import { join } from "node:path";

/** Where the end-to-end stack says where its parts are: tests seed sessions and read the audit log directly. */
export const E2E_STACK_FILE = join(process.cwd(), "test-results", "e2e-stack.json");

export interface E2eStackInfo {
  appUrl: string;
  databaseUrl: string;
  apiBaseUrl: string;
  idpIssuer: string;
  sandboxOrigin: string;
}
