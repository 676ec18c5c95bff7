import { NextResponse } from "next/server";
import { ROUTE_POLICY } from "@/lib/server/http/security-headers";
import { checkSystemStatus } from "@/lib/server/system-status";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Liveness for operators and the demo: 200 when both dependencies work, 503 otherwise. States only, no data. */
export async function GET() {
  const status = await checkSystemStatus();
  const healthy = status.database.state === "ok" && status.complianceApi.state === "ok";
  return NextResponse.json(status, { status: healthy ? 200 : 503, headers: { "cache-control": "no-store", "content-security-policy": ROUTE_POLICY } });
}
