import "server-only";
import { randomUUID } from "node:crypto";

export interface RequestMetadata {
  requestId: string;
  /** As reported: x-forwarded-for is only trustworthy behind a proxy that overwrites it. */
  clientIp: string | null;
  userAgent: string | null;
}

export function requestMetadata(headers: Headers): RequestMetadata {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    requestId: `dkt_${randomUUID()}`,
    clientIp: forwarded || headers.get("x-real-ip") || null,
    userAgent: headers.get("user-agent")?.slice(0, 512) ?? null,
  };
}
