import { NextResponse, type NextRequest } from "next/server";
import { decideAccess, sessionCookieName } from "@/lib/server/auth/guard";
import { ROUTE_POLICY } from "@/lib/server/http/security-headers";
import { checkSystemStatus } from "@/lib/server/system-status";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Liveness for operators and the demo: 200 when the database and the API work, 503 otherwise (a
 * missing deletion worker is reported, not counted: reading and reviewing still work). Anyone may ask,
 * and an anonymous caller learns only "ok" or "not ok"; a signed-in person also gets each dependency's
 * state (no data either way).
 */
export async function GET(request: NextRequest) {
  const status = await checkSystemStatus();
  const healthy = status.database.state === "ok" && status.complianceApi.state === "ok";
  // With the database down nobody can be recognised: the caller is then treated as anonymous.
  const access = await decideAccess(request.cookies.get(sessionCookieName())?.value, "signed_in").catch(() => null);
  const body = access?.kind === "allowed" ? status : { status: healthy ? "ok" : "not ok" };
  return NextResponse.json(body, { status: healthy ? 200 : 503, headers: { "cache-control": "no-store", "content-security-policy": ROUTE_POLICY } });
}
