import { describe, expect, test } from "vitest";
import { productSurfaceName } from "@/lib/schemas/sessions";
import { describeNotice } from "@/lib/thread/message-notice";

describe("a session's product, in words", () => {
  test.each([
    ["cowork", "Cowork in Claude Desktop"],
    ["claude_code", "Claude Code"],
    ["cowork_remote", "Cowork in the cloud"],
  ])("%s is %s", (surface, name) => {
    expect(productSurfaceName(surface)).toBe(name);
  });

  test("a value the API added since is shown as sent, and none is said to be none", () => {
    expect(productSurfaceName("claude_design")).toBe("Another product (claude_design)");
    expect(productSurfaceName(null)).toBe("Product not named by the API");
  });
});

describe("what a transcript message's provenance tells a reviewer", () => {
  test.each(["not_captured", "cmek_key_revoked", "retention_elapsed", "oversize"])(
    "content unavailable because %s is a warning with its own reason",
    (reason) => {
      const said = describeNotice({ kind: "content_unavailable", reason });
      expect(said).toMatchObject({ title: "Content unavailable", isWarning: true });
      expect(said.detail).not.toContain(reason);
    },
  );

  test("not captured does not claim nothing was stored", () => {
    expect(describeNotice({ kind: "content_unavailable", reason: "not_captured" }).detail).toContain("does not prove none was stored");
  });

  test("reasons and kinds Docket does not know are shown as the API gave them, as warnings", () => {
    expect(describeNotice({ kind: "content_unavailable", reason: "legal_hold" }).detail).toContain("legal_hold");
    expect(describeNotice({ kind: "redacted_by_policy", reason: "dlp" })).toMatchObject({
      isWarning: true,
      title: expect.stringContaining("redacted_by_policy"),
    });
  });

  test("the API's own markers are not warnings, and unverified history is", () => {
    expect(describeNotice({ kind: "synthetic_marker", reason: null }).isWarning).toBe(false);
    expect(describeNotice({ kind: "client_asserted", reason: null }).isWarning).toBe(true);
  });
});
