import { describe, expect, test } from "vitest";
import { InvalidEnvironmentError, parseServerEnv, parseWorkerEnv } from "@/lib/server/env";
import { VALID_SERVER_ENV } from "@/tests/support/server-env";

const valid = {
  ...VALID_SERVER_ENV,
  DOCKET_ROLE_MAP: "legal-reviewers:reviewer,legal-approvers:approver,legal-approvers:reviewer,audit:auditor,docket-admins:admin",
};

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseServerEnv(source);
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) return error.problems;
    throw error;
  }
  return [];
}

describe("parseServerEnv", () => {
  test("applies the documented defaults", () => {
    const env = parseServerEnv(valid);
    expect(env.COMPLIANCE_API_BASE_URL).toBe("https://api.anthropic.com");
    expect(env.DOCKET_ROLE_CLAIM).toBe("groups");
    expect(env.DOCKET_DELETE_APPROVALS).toBe(true);
    expect(env.DOCKET_ROLE_MAP.get("legal-approvers")).toEqual(["approver", "reviewer"]);
  });

  test("names every missing variable at once", () => {
    const problems = problemsOf({});
    for (const name of [
      "COMPLIANCE_API_KEY",
      "DATABASE_URL",
      "NEXTAUTH_URL",
      "NEXTAUTH_SECRET",
      "OIDC_ISSUER",
      "OIDC_CLIENT_ID",
      "OIDC_CLIENT_SECRET",
      "DOCKET_ROLE_MAP",
    ]) {
      expect(problems).toContain(`${name} is missing`);
    }
    expect(problems.join("\n")).not.toMatch(/COMPLIANCE_API_BASE_URL|DOCKET_ROLE_CLAIM|DOCKET_DELETE_APPROVALS/);
  });

  test("names each invalid variable without echoing secret values", () => {
    const problems = problemsOf({
      ...valid,
      COMPLIANCE_API_KEY: "not-a-key-but-a-secret",
      DATABASE_URL: "mysql://x",
      DOCKET_DELETE_APPROVALS: "yes",
      DOCKET_ROLE_MAP: "legal:superuser",
      NEXTAUTH_SECRET: "short",
    });
    expect(problems).toHaveLength(5);
    expect(problems.find((problem) => problem.startsWith("DOCKET_ROLE_MAP"))).toContain('unknown role "superuser"');
    expect(problems.join("\n")).not.toContain("not-a-key-but-a-secret");
  });

  test("reads the deletion policy: the request lifetime in whole hours", () => {
    expect(parseServerEnv(valid).DOCKET_DELETE_REQUEST_TTL_HOURS).toBe(72);
    expect(parseServerEnv({ ...valid, DOCKET_DELETE_REQUEST_TTL_HOURS: "24" })).toMatchObject({ DOCKET_DELETE_REQUEST_TTL_HOURS: 24 });
    for (const bad of ["0", "1.5", "721", "soon"]) {
      expect(problemsOf({ ...valid, DOCKET_DELETE_REQUEST_TTL_HOURS: bad })).toEqual([expect.stringMatching(/^DOCKET_DELETE_REQUEST_TTL_HOURS /)]);
    }
  });

  test("treats an empty variable as missing", () => {
    expect(problemsOf({ ...valid, OIDC_CLIENT_ID: "" })).toEqual(["OIDC_CLIENT_ID is missing"]);
  });

  test("takes an artifact sandbox origin only on another site than Docket's", () => {
    expect(parseServerEnv(valid).DOCKET_ARTIFACT_SANDBOX_URL).toBeUndefined();
    expect(parseServerEnv({ ...valid, DOCKET_ARTIFACT_SANDBOX_URL: "http://127.0.0.1:4012/" }).DOCKET_ARTIFACT_SANDBOX_URL).toBe("http://127.0.0.1:4012");
    expect(
      parseServerEnv({ ...valid, NEXTAUTH_URL: "https://docket.acme.com", DOCKET_ARTIFACT_SANDBOX_URL: "https://acme-usercontent.net" })
        .DOCKET_ARTIFACT_SANDBOX_URL,
    ).toBe("https://acme-usercontent.net");
    for (const [appUrl, sandboxUrl] of [
      ["http://localhost:3000", "http://localhost:4012"],
      ["https://docket.acme.com", "https://sandbox.acme.com"],
      ["https://docket.acme.com", "https://acme.com"],
    ] as const) {
      expect(problemsOf({ ...valid, NEXTAUTH_URL: appUrl, DOCKET_ARTIFACT_SANDBOX_URL: sandboxUrl })).toEqual([
        expect.stringMatching(/^DOCKET_ARTIFACT_SANDBOX_URL must be on another site than NEXTAUTH_URL/),
      ]);
    }
  });
});

describe("the delete key", () => {
  const deleteKey = "sk-ant-api01-the-delete-key-itself";

  test("is refused by the web app, named without its value", () => {
    const problems = problemsOf({ ...valid, COMPLIANCE_API_DELETE_KEY: deleteKey });
    expect(problems).toEqual([expect.stringMatching(/^COMPLIANCE_API_DELETE_KEY must not be given to the web app: only the worker/)]);
    expect(problems.join("\n")).not.toContain(deleteKey);
  });

  test("is the worker's, with where snapshot bytes go", () => {
    const worker = { COMPLIANCE_API_KEY: valid.COMPLIANCE_API_KEY, DATABASE_URL: valid.DATABASE_URL };
    const withoutKey = parseWorkerEnv(worker);
    expect([withoutKey.COMPLIANCE_API_DELETE_KEY, withoutKey.DOCKET_DELETE_SNAPSHOT_DIR]).toEqual([undefined, undefined]);
    expect(parseWorkerEnv({ ...worker, COMPLIANCE_API_DELETE_KEY: deleteKey, DOCKET_DELETE_SNAPSHOT_DIR: "/var/lib/docket/snapshots" })).toMatchObject({
      COMPLIANCE_API_DELETE_KEY: deleteKey,
      DOCKET_DELETE_SNAPSHOT_DIR: "/var/lib/docket/snapshots",
    });
    expect(() => parseWorkerEnv({ ...worker, COMPLIANCE_API_DELETE_KEY: "a-secret-of-the-wrong-shape" })).toThrow(
      /COMPLIANCE_API_DELETE_KEY must be a Compliance Access Key/,
    );
  });
});

describe("NEXTAUTH_URL", () => {
  test("is https, or plain http on localhost only (the demo and the tests)", () => {
    for (const url of ["https://docket.acme.com", "http://localhost:3000", "http://127.0.0.1:3100", "http://[::1]:3000"]) {
      expect(problemsOf({ ...valid, NEXTAUTH_URL: url }), url).toEqual([]);
    }
    for (const url of ["http://docket.acme.com", "http://10.0.0.5:3000", "http://localhost.acme.com"]) {
      expect(problemsOf({ ...valid, NEXTAUTH_URL: url }), url).toEqual([expect.stringMatching(/^NEXTAUTH_URL must be an https URL/)]);
    }
  });

  test("step-up asks for a sign-in within ten minutes unless configured", () => {
    expect(parseServerEnv(valid).DOCKET_STEP_UP_MINUTES).toBe(10);
    expect(parseServerEnv({ ...valid, DOCKET_STEP_UP_MINUTES: "5" }).DOCKET_STEP_UP_MINUTES).toBe(5);
    expect(problemsOf({ ...valid, DOCKET_STEP_UP_MINUTES: "0" })).toEqual([expect.stringMatching(/^DOCKET_STEP_UP_MINUTES /)]);
  });
});
