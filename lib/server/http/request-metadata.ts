import "server-only";
import { randomUUID } from "node:crypto";
import { isIP, type BlockList } from "node:net";
import { getServerEnv } from "@/lib/server/env";
import { PEER_HEADER } from "./peer-address";

export interface RequestMetadata {
  requestId: string;
  /** The connection's address, or the client a trusted proxy (DOCKET_TRUSTED_PROXIES) forwarded for. */
  clientIp: string | null;
  userAgent: string | null;
}

export function requestMetadata(headers: Headers): RequestMetadata {
  return {
    requestId: `dkt_${randomUUID()}`,
    clientIp: clientAddressOf(headers.get(PEER_HEADER), headers.get("x-forwarded-for"), getServerEnv().DOCKET_TRUSTED_PROXIES),
    userAgent: headers.get("user-agent")?.slice(0, 512) ?? null,
  };
}

/** "::ffff:127.0.0.1" (an IPv4 client of a dual-stack socket) is 127.0.0.1. */
function normalised(address: string): string {
  const trimmed = address.trim();
  return trimmed.startsWith("::ffff:") && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
}

function isTrusted(address: string, trusted: BlockList): boolean {
  const family = isIP(address);
  return family !== 0 && trusted.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * Who sent a request. The connection's address counts unless it is a trusted proxy; then
 * X-Forwarded-For is read from the right (each proxy appends the address it was reached from), past
 * the trusted proxies, to the first address none of them vouches for. A hop that is not an address
 * ends the walk at the last trusted one: anything left of it may be the client's own invention.
 */
export function clientAddressOf(peer: string | null, forwardedFor: string | null, trusted: BlockList): string | null {
  if (!peer) return null;
  let client = normalised(peer);
  if (!isTrusted(client, trusted)) return client;
  const hops = (forwardedFor ?? "").split(",").map(normalised).filter(Boolean);
  for (let index = hops.length - 1; index >= 0; index--) {
    const hop = hops[index]!;
    if (isIP(hop) === 0) return client;
    client = hop;
    if (!isTrusted(hop, trusted)) return hop;
  }
  return client;
}
