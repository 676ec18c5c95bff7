import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { ACTIVITY_FAMILIES, custodianKindOf, familyOf } from "@/lib/activity/activity-families";
import { TYPES_BY_FAMILY } from "@/lib/activity/types-by-family";
import { ACTIVITY_TYPE_NAMES } from "@/lib/reference/activity-type-names";
import { actorInWords } from "@/lib/activity/actor-words";
import { stackedSeries } from "@/lib/activity/stacked-series";
import { activityApiQuery, activityExportHref, parseActivityFilters } from "@/lib/console/activity-filters";
import type { ActivityHistogram } from "@/lib/schemas/activities";

const reference = JSON.parse(readFileSync("tests/simulator/fixtures/activity-types.json", "utf8")) as {
  activity_types: Array<{ type: string; actor_types: string[] }>;
};
const documentedTypes = reference.activity_types.map((entry) => entry.type);
const documentedActorTypes = [...new Set(reference.activity_types.flatMap((entry) => entry.actor_types))];

describe("activity families", () => {
  test("Docket's list of types is the reference's, all 467", () => {
    expect([...ACTIVITY_TYPE_NAMES].sort()).toEqual([...documentedTypes].sort());
    expect(ACTIVITY_TYPE_NAMES).toHaveLength(467);
  });

  test("every documented type falls in exactly one named family, none in 'other'", () => {
    const grouped = ACTIVITY_FAMILIES.flatMap((family) => TYPES_BY_FAMILY[family]);
    expect(grouped.sort()).toEqual([...documentedTypes].sort());
    expect(TYPES_BY_FAMILY.other).toEqual([]);
    for (const family of ACTIVITY_FAMILIES.filter((name) => name !== "other")) expect(TYPES_BY_FAMILY[family].length, family).toBeGreaterThan(0);
  });

  test.each([
    ["claude_chat_deleted", "chats"],
    ["claude_project_document_uploaded", "projects"],
    ["claude_published_artifact_deleted", "artifacts"],
    ["sso_login_failed", "sign_in"],
    ["compliance_api_accessed", "keys_compliance"],
    ["org_cowork_enabled", "sessions"],
    ["org_claude_code_desktop_enabled", "claude_code"],
    ["org_sso_toggled", "organisation"],
    ["platform_workspace_created", "platform"],
    ["platform_spend_limit_created", "billing"],
  ])("%s is in %s", (type, family) => {
    expect(familyOf(type)).toBe(family);
  });

  test("a type the reference adds later is 'other', not an error", () => {
    expect(familyOf("quantum_chat_teleported")).toBe("other");
  });

  test.each([
    ["claude_chat_deleted", "deletions"],
    ["claude_project_file_deleted", "deletions"],
    ["claude_chat_created", "chats"],
    ["claude_artifact_viewed", "chats"],
    ["cowork_session_updated", "sessions"],
    ["claude_file_uploaded", "files"],
    ["claude_project_document_uploaded", "files"],
    ["sso_login_succeeded", "sign_ins"],
    ["sso_login_failed", "other"],
    ["rbac_role_created", "other"],
  ])("for a custodian, %s counts as %s", (type, kind) => {
    expect(custodianKindOf(type)).toBe(kind);
  });
});

describe("an activity's actor, in words", () => {
  test("every documented actor type has words of its own", () => {
    expect(documentedActorTypes).toHaveLength(11);
    for (const type of documentedActorTypes) expect(actorInWords({ type }).kind, type).not.toContain(type);
  });

  test("a person is named by email and linked by user id, with where they acted from", () => {
    expect(
      actorInWords({ type: "user_actor", email_address: "ana@example.com", user_id: "user_01Abc", ip_address: "192.0.2.1", user_agent: "Claude/1.0" }),
    ).toEqual({ kind: "Person", who: "ana@example.com", userId: "user_01Abc", ipAddress: "192.0.2.1", userAgent: "Claude/1.0" });
  });

  test("keys, directory sync, automatic services and workload identities say who", () => {
    expect(actorInWords({ type: "api_actor", api_key_id: "apikey_01X" })).toMatchObject({ kind: "API key", who: "apikey_01X", userId: null });
    expect(actorInWords({ type: "scim_directory_sync_actor", directory_id: "directory_1", idp_connection_type: "OktaSCIMV2" }).who).toBe(
      "OktaSCIMV2, directory_1",
    );
    expect(actorInWords({ type: "system_actor", service: "data_retention" })).toMatchObject({ who: "data_retention" });
    expect(actorInWords({ type: "federated_actor", provider: { type: "aws", account_id: "1" }, subject: "role/x" }).who).toBe("AWS: role/x");
    expect(actorInWords({ type: "unauthenticated_user_actor", unauthenticated_email_address: "who@example.com" }).who).toBe("claimed to be who@example.com");
  });

  test("an actor type Docket does not know is shown by its name, and no actor is said to be none", () => {
    expect(actorInWords({ type: "robot_actor", email_address: "r@example.com" })).toMatchObject({ kind: 'Actor of type "robot_actor"', who: "r@example.com" });
    expect(actorInWords(null).kind).toBe("No actor recorded");
  });
});

describe("the stacked chart's bands", () => {
  const histogram: ActivityHistogram = {
    grouping: "custodian",
    groups: ["chats", "sessions", "files", "deletions", "sign_ins", "other"],
    bucketSize: "day",
    buckets: [
      { start: "2026-09-01T00:00:00.000Z", counts: [2, 0, 1, 0, 0, 0] },
      { start: "2026-09-02T00:00:00.000Z", counts: [1, 0, 3, 0, 4, 0] },
    ],
    from: "2026-09-01T00:00:00Z",
    before: "2026-09-03T00:00:00Z",
    counted: 11,
    countedSince: null,
  };

  test("empty groups are left out; each band's top is the sum of the bands below it and its own count", () => {
    const series = stackedSeries(histogram);
    expect(series.map((entry) => entry.group)).toEqual(["chats", "files", "sign_ins"]);
    expect(series.map((entry) => entry.stacked)).toEqual([
      [2, 1],
      [3, 4],
      [3, 8],
    ]);
    expect(series.map((entry) => entry.total)).toEqual([3, 4, 4]);
    expect(new Set(series.map((entry) => entry.colour)).size).toBe(3);
  });
});

describe("the Activity page's address", () => {
  test("ticked families arrive one value each and become one list; blanks are dropped", () => {
    expect(parseActivityFilters({ families: ["chats", "files"], types: " ", actors: "user_01A" })).toEqual({ families: "chats,files", actors: "user_01A" });
  });

  test("the API query names the filters as the route does, with the cursor of the page wanted", () => {
    const query = new URLSearchParams(activityApiQuery({ families: "chats", actors: "user_01A", exclude: "1" }, 100, { older: "cursor_1" }));
    expect(Object.fromEntries(query)).toEqual({ families: "chats", exclude: "1", actorIds: "user_01A", limit: "100", older: "cursor_1" });
    expect(activityExportHref({ org: "org_01A" }, "jsonl")).toBe("/api/activities/export?orgIds=org_01A&format=jsonl");
  });
});
