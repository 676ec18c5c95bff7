import { describe, expect, it } from "vitest";
import { displayableImageUrl, safeLinkHref } from "@/lib/thread/safe-link";

describe("safeLinkHref", () => {
  it.each(["https://example.com/a?b=c", "http://example.com", "mailto:legal@example.com"])("allows %s", (url) => {
    expect(safeLinkHref(url)).not.toBeNull();
  });

  it.each([
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:x",
    "/api/chats",
    "//evil.test/x",
    "#top",
    "file:///etc/passwd",
  ])("refuses %s", (url) => {
    expect(safeLinkHref(url)).toBeNull();
  });
});

describe("displayableImageUrl", () => {
  it("shows web URLs and hides the rest", () => {
    expect(displayableImageUrl("https://tracker.example/p.png")).toBe("https://tracker.example/p.png");
    expect(displayableImageUrl("mailto:a@b.c")).toBeNull();
    expect(displayableImageUrl("data:image/svg+xml,<svg onload=alert(1)>")).toBeNull();
  });
});
