// The two hash definitions every audit row is written and verified with. The digests below were
// computed by the original createHash().update().digest() implementation: any rewrite for speed must
// give these bytes, or every chain already written would stop verifying.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bodySha256, chainRowHash, type AuditEventBody } from "@/lib/server/audit/audit-chain";

const body: AuditEventBody = {
  v: 1,
  occurred_at: "2026-03-04T05:06:07.089Z",
  actor_issuer: "https://idp.docket.test",
  actor_subject: "u-1",
  actor_email: "ana@docket.test",
  actor_roles: ["auditor", "reviewer"],
  action: "file.download",
  target_type: "file",
  target_id: "file_1",
  organization_id: "org_1",
  params: { chatId: "chat_1", limit: 50, nested: { ok: true, none: null }, "é😀": ["\u2028", -7] },
  outcome: "success",
  request_id: "dkt_1",
  upstream_request_id: null,
  client_ip: "203.0.113.9",
  user_agent: null,
};
const BODY_SHA256 = "0a69cce2abb322c509196bcbda35b3da4faed4c405cc7211fe6fa8db462d8f73";

describe("the audit chain's hashes", () => {
  it("bodySha256 is SHA-256 of the body's RFC 8785 text as UTF-8", () => {
    expect(bodySha256(body).toString("hex")).toBe(BODY_SHA256);
  });

  it("chainRowHash is sha256(prev_hash || int8send(seq) || body_sha256), at the genesis row and near 2^63", () => {
    const digest = Buffer.from(BODY_SHA256, "hex");
    expect(chainRowHash(Buffer.alloc(32), 1n, digest).toString("hex")).toBe("b9abc134624e68ee890dabc7e097e46dd610d8ba6e802d9cc3808e1f86a92389");
    expect(chainRowHash(Buffer.alloc(32, 0xab), 9_223_372_036_854_775_000n, digest).toString("hex")).toBe(
      "fc6ca0d868cb5c7fbe7157b4ed80f64ffe6253cde552b34f67c4e64c4379b409",
    );
  });

  it("chainRowHash hashes inputs of any length as given, as the trigger does (a forged row may hold hashes that are not 32 bytes)", () => {
    const prev = Buffer.from("abcd", "hex");
    const digest = Buffer.from("ef", "hex");
    const expected = createHash("sha256").update(Buffer.from("abcd000000000000000aef", "hex")).digest("hex");
    expect(chainRowHash(prev, 10n, digest).toString("hex")).toBe(expected);
  });
});
