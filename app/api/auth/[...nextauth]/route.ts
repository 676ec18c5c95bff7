import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { getAuthOptions } from "@/lib/server/auth/auth-options";
import { runWithAuthContext } from "@/lib/server/auth/request-context";
import { requestMetadata } from "@/lib/server/http/request-metadata";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type AuthRouteContext = { params: Promise<{ nextauth: string[] }> };

/** next-auth's own routes (sign-in, callback, sign-out, csrf), run with the request's audit context. */
async function handler(request: NextRequest, context: AuthRouteContext) {
  const { nextauth } = await context.params;
  const metadata = requestMetadata(request.headers);
  return runWithAuthContext({ action: nextauth[0] ?? "", ...metadata }, async () => {
    const response: Response = await NextAuth(request, { params: Promise.resolve({ nextauth }) }, getAuthOptions());
    response.headers.set("cache-control", "no-store");
    if (request.method === "POST" && nextauth[0] === "signout") response.headers.set("clear-site-data", '"cache", "storage"');
    return response;
  });
}

export { handler as GET, handler as POST };
