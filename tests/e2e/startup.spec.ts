import { spawn } from "node:child_process";
import { join } from "node:path";
import { expect, test } from "./support/fixtures";

test("the built server refuses to start with an invalid environment and names each problem", async () => {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, NODE_ENV: "production", COMPLIANCE_API_KEY: "not-a-key", DOCKET_DELETE_APPROVALS: "2" };
  const child = spawn(process.execPath, [join("node_modules", "next", "dist", "bin", "next"), "start", "-p", "3199", "-H", "127.0.0.1"], { env });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  expect(code).not.toBe(0);
  expect(output).toContain("Docket cannot start: invalid environment.");
  for (const problem of [
    "DATABASE_URL is missing",
    "NEXTAUTH_SECRET is missing",
    "OIDC_ISSUER is missing",
    "DOCKET_ROLE_MAP is missing",
    "DOCKET_DELETE_APPROVALS must be 0 or 1",
  ]) {
    expect(output).toContain(problem);
  }
  expect(output).toMatch(/COMPLIANCE_API_KEY must be a Compliance Access Key/);
  expect(output).not.toContain("not-a-key");
});
