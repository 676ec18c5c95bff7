import { describe, expect, it } from "vitest";
import { commonSecurityHeaders, newNonce, pagePolicy, ROUTE_POLICY } from "@/lib/server/http/security-headers";

describe("security headers", () => {
  it("send HSTS only when Docket is served over https", () => {
    expect(commonSecurityHeaders({ https: true })["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect(commonSecurityHeaders({ https: false })).not.toHaveProperty("strict-transport-security");
  });

  it("make a fresh 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, () => newNonce()));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });

  it("let a page run only scripts with its nonce, frame only the sandbox, and be framed by no one", () => {
    const policy = pagePolicy("bm9uY2Vub25jZW5vbmNlMQ==", { sandboxOrigin: "https://sandbox.example" });
    const directives = Object.fromEntries(policy.split("; ").map((part) => [part.split(" ")[0], part]));
    expect(directives["script-src"]).toBe("script-src 'self' 'nonce-bm9uY2Vub25jZW5vbmNlMQ==' 'strict-dynamic'");
    expect(directives["frame-src"]).toBe("frame-src https://sandbox.example");
    expect(directives).toMatchObject({ "object-src": "object-src 'none'", "base-uri": "base-uri 'none'", "frame-ancestors": "frame-ancestors 'none'" });
    expect(pagePolicy("x", { sandboxOrigin: undefined })).toContain("frame-src 'none'");
    expect(ROUTE_POLICY).toContain("default-src 'none'");
  });
});
