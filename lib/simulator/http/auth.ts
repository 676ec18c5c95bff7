// Key lookup. `x-api-key` is the documented header; the generated reference pages show
// `Authorization: Bearer`, so that is accepted too. `x-api-key` wins when both are sent.

import type { IncomingHttpHeaders } from "node:http";
import type { SimulatorKey } from "../dataset/api-keys";

export function presentedKey(headers: IncomingHttpHeaders): string {
  const header = headers["x-api-key"];
  const direct = Array.isArray(header) ? header[0] : header;
  if (direct !== undefined && direct !== "") return direct;
  const auth = headers.authorization;
  const match = typeof auth === "string" ? /^Bearer\s+(\S+)\s*$/i.exec(auth) : null;
  return match?.[1] ?? "";
}

export function authenticate(headers: IncomingHttpHeaders, keys: readonly SimulatorKey[]): SimulatorKey | null {
  const secret = presentedKey(headers);
  if (secret === "") return null;
  return keys.find((k) => k.secret === secret && k.isActive) ?? null;
}

/** Scopes missing from `granted` for an endpoint, or null when it has them all. */
export function missingScopes(granted: readonly string[], needed: readonly string[]): string[] | null {
  const missing = needed.filter((s) => !granted.includes(s));
  return missing.length === 0 ? null : missing;
}
