import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { DeletionTarget } from "@/lib/schemas/deletions";
import { checkConfirmationToken, CONFIRMATION_TOKEN_TTL_MS, signConfirmationToken, type TokenBinding } from "@/lib/server/deletion/confirmation-token";

const SECRET = "a-secret-of-at-least-thirty-two-characters";
const now = new Date("2026-11-20T10:00:00Z");
const binding: TokenBinding = {
  userId: "7f0c6a9e-0000-4000-8000-000000000001",
  target: { kind: "chat", id: "claude_chat_01abc" },
  idempotencyKey: "0b7c6a9e-0000-4000-8000-000000000002",
};
const { token } = signConfirmationToken(SECRET, binding, now);

describe("the deletion confirmation token", () => {
  test("is valid for the person, object and key it was made for, until five minutes have passed", () => {
    expect(checkConfirmationToken(SECRET, token, binding, now)).toBe("valid");
    expect(checkConfirmationToken(SECRET, token, binding, new Date(now.getTime() + CONFIRMATION_TOKEN_TTL_MS - 1))).toBe("valid");
    expect(checkConfirmationToken(SECRET, token, binding, new Date(now.getTime() + CONFIRMATION_TOKEN_TTL_MS))).toBe("expired");
  });

  test.each<[string, Partial<TokenBinding> & { target?: DeletionTarget }]>([
    ["another person", { userId: "7f0c6a9e-0000-4000-8000-000000000009" }],
    ["another object", { target: { kind: "chat", id: "claude_chat_01abd" } }],
    ["another kind", { target: { kind: "project", id: "claude_chat_01abc" } }],
    ["another project", { target: { kind: "chat", id: "claude_chat_01abc", projectId: "claude_proj_01x" } }],
    ["another key", { idempotencyKey: "0b7c6a9e-0000-4000-8000-000000000003" }],
  ])("is invalid for %s", (_what, change) => {
    expect(checkConfirmationToken(SECRET, token, { ...binding, ...change }, now)).toBe("invalid");
  });

  test("is invalid signed with another secret, or altered in any character", () => {
    expect(checkConfirmationToken("another-secret-of-at-least-thirty-two-chars", token, binding, now)).toBe("invalid");
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), fc.constantFrom(..."ABCabc019-_."), (index, replacement) => {
        fc.pre(token[index] !== replacement);
        const altered = `${token.slice(0, index)}${replacement}${token.slice(index + 1)}`;
        expect(checkConfirmationToken(SECRET, altered, binding, now)).toBe("invalid");
      }),
    );
  });

  test.each(["", ".", "a.b.c", "no-dot", `${token}.extra`])("is invalid when malformed: %j", (malformed) => {
    expect(checkConfirmationToken(SECRET, malformed, binding, now)).toBe("invalid");
  });
});
