import { beforeAll, describe, expect, test } from "vitest";
import { permissionsOf } from "@/lib/schemas/access";
import { safeReturnPath } from "@/lib/safe-return-path";

beforeAll(() => {
  Object.assign(process.env, {
    COMPLIANCE_API_KEY: "sk-ant-api01-simulator-full",
    DATABASE_URL: "postgresql://docket@127.0.0.1:5432/docket",
    NEXTAUTH_URL: "http://localhost:3000",
    NEXTAUTH_SECRET: "x".repeat(32),
    OIDC_ISSUER: "http://127.0.0.1:4011",
    OIDC_CLIENT_ID: "docket",
    OIDC_CLIENT_SECRET: "secret",
    DOCKET_ROLE_MAP: "legal-reviewers:reviewer,legal-approvers:approver,audit:auditor,docket-admins:admin,counsel:reviewer,counsel:approver",
  });
});

const roles = () => import("@/lib/server/auth/roles");

describe("readGroupClaim", () => {
  test("reads a list of group names", async () => {
    expect((await roles()).readGroupClaim({ groups: ["legal-reviewers", "marketing"] })).toEqual({ ok: true, groups: ["legal-reviewers", "marketing"] });
  });

  test.each([
    [{}, "missing"],
    [{ groups: "legal-reviewers" }, "malformed"],
    [{ groups: [1, 2] }, "malformed"],
    [{ groups: null }, "malformed"],
    [{ groups: [""] }, "malformed"],
    [{ groups: Array.from({ length: 1001 }, (_, i) => `g${i}`) }, "malformed"],
    [{ _claim_names: { groups: "src1" }, _claim_sources: {} }, "overage"],
    [{ hasgroups: true }, "overage"],
  ])("denies %j as %s", async (claims, reason) => {
    expect((await roles()).readGroupClaim(claims)).toEqual({ ok: false, reason });
  });
});

describe("roles from groups", () => {
  test("keep only mapped groups and derive additive roles through the current map", async () => {
    const { mappedGroups, rolesFromGroups } = await roles();
    expect(mappedGroups(["marketing", "counsel", "audit", "counsel"])).toEqual(["audit", "counsel"]);
    expect(rolesFromGroups(["counsel", "audit"])).toEqual(["reviewer", "approver", "auditor"]);
    expect(rolesFromGroups(["marketing"])).toEqual([]);
    expect(rolesFromGroups([])).toEqual([]);
  });

  test("permissions: approvers may approve, auditors see no content but the Activity Feed, admins read the log and manage holds and people", () => {
    expect(permissionsOf(["approver"]).has("deletion.approve")).toBe(true);
    expect(permissionsOf(["reviewer"]).has("deletion.approve")).toBe(false);
    expect(permissionsOf(["auditor"]).has("content.read")).toBe(false);
    expect(permissionsOf(["auditor"]).has("activity.read")).toBe(true);
    expect(permissionsOf(["reviewer"]).has("activity.read")).toBe(true);
    expect([...permissionsOf(["admin"])].sort()).toEqual(["audit.read", "holds.manage", "people.manage"]);
    expect(permissionsOf([]).size).toBe(0);
  });
});

describe("safeReturnPath", () => {
  test.each([
    ["/audit?x=1", "/audit?x=1"],
    ["https://evil.test/", "/"],
    ["//evil.test/x", "/"],
    ["/\\evil.test", "/"],
    ["javascript:alert(1)", "/"],
    ["/a\r\nb", "/"],
    [undefined, "/"],
    [["/audit", "/x"], "/audit"],
  ])("%j → %s", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });
});
