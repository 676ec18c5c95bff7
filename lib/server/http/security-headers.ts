import "server-only";

// The headers every response of Docket carries, and the Content-Security-Policy of its pages: one
// place, applied by proxy.ts to every page and route handler. Route handlers that serve content set a
// stricter policy of their own (the CSP sandbox of downloads and previews), which this leaves alone.

/** 128 bits from the platform's CSPRNG, base64: a page's scripts and styles carry it, nothing else can. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/**
 * A page's policy. Scripts and style elements run only with this response's nonce ('strict-dynamic'
 * lets Next.js's own loader add the chunks it needs); style attributes stay allowed, as React renders
 * the virtualised lists' positions and progress bars' widths with them. Frames may load only the
 * artifact sandbox; nothing may frame Docket.
 */
export function pagePolicy(nonce: string, options: { sandboxOrigin: string | undefined }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self'",
    `frame-src ${options.sandboxOrigin ?? "'none'"}`,
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** JSON and downloads: nothing in them may load or run anything, or be framed. */
export const ROUTE_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Every response, page or route. HSTS only when Docket is served over https (a browser ignores it otherwise). */
export function commonSecurityHeaders(options: { https: boolean }): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy":
      "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), xr-spatial-tracking=(), interest-cohort=()",
    "x-frame-options": "DENY",
    ...(options.https ? { "strict-transport-security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
