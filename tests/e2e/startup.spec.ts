import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "./support/fixtures";
import { stackInfo } from "./support/stack";

test("the built server refuses to start with an invalid environment and names each problem", async () => {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: "production",
    COMPLIANCE_API_KEY: "not-a-key",
    COMPLIANCE_API_DELETE_KEY: "sk-ant-api01-a-delete-key-for-the-worker",
    NEXTAUTH_URL: "http://docket.example.com",
    DOCKET_DELETE_APPROVALS: "2",
  };
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
  expect(output).toMatch(/COMPLIANCE_API_DELETE_KEY must not be given to the web app: only the worker/);
  expect(output).toMatch(/NEXTAUTH_URL must be an https URL/);
  expect(output).not.toContain("not-a-key");
  expect(output).not.toContain("a-delete-key-for-the-worker");
});

test("served under an https NEXTAUTH_URL, every cookie it sets is Secure and prefixed", async () => {
  const port = 3198;
  const { databaseUrl, idpIssuer } = stackInfo();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: "production",
    COMPLIANCE_API_KEY: "sk-ant-api01-simulator-readonly",
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: `https://docket.example.com`,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    OIDC_ISSUER: idpIssuer,
    OIDC_CLIENT_ID: "docket",
    OIDC_CLIENT_SECRET: "unused-here",
    DOCKET_ROLE_MAP: "legal-reviewers:reviewer",
    DOCKET_AUDIT_CHECKPOINT_FILE: join(tmpdir(), `docket-startup-${process.pid}.json`),
  };
  const child = spawn(process.execPath, [join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"], { env });
  try {
    const csrf = async () => fetch(`http://127.0.0.1:${port}/api/auth/csrf`).catch(() => null);
    await expect.poll(async () => (await csrf())?.status, { timeout: 30_000 }).toBe(200);
    const cookies = (await csrf())!.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie).toMatch(/^__(Host|Secure)-next-auth\./);
      expect(cookie).toMatch(/; Secure/i);
    }
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
});
