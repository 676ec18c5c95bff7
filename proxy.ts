import { NextResponse, type NextRequest } from "next/server";
import { getServerEnv } from "@/lib/server/env";
import { commonSecurityHeaders, newNonce, pagePolicy } from "@/lib/server/http/security-headers";

/**
 * Runs before every page and route handler: the security headers, and for a page a fresh nonce and the
 * Content-Security-Policy that names it, set on the request too (Next.js reads it from there to sign its
 * own scripts). It decides nothing else: authentication and authorisation stay in each page and route.
 */
export function proxy(request: NextRequest): NextResponse {
  const env = getServerEnv();
  const common = commonSecurityHeaders({ https: new URL(env.NEXTAUTH_URL).protocol === "https:" });
  if (request.nextUrl.pathname.startsWith("/api/")) {
    // Route handlers set their own Content-Security-Policy (lib/server/http/route.ts).
    const response = NextResponse.next();
    for (const [name, value] of Object.entries(common)) response.headers.set(name, value);
    return response;
  }
  const nonce = newNonce();
  const policy = pagePolicy(nonce, { sandboxOrigin: env.DOCKET_ARTIFACT_SANDBOX_URL });
  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: forwarded } });
  response.headers.set("content-security-policy", policy);
  for (const [name, value] of Object.entries(common)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but the build's static files, which carry no data and no session.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
