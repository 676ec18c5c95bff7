import "server-only";
import type { HoldScopeKind } from "@/lib/schemas/legal-holds";

/** What a hold could name to cover an object: "user:…", "project:…" or "chat:…". */
export type HoldKey = `${HoldScopeKind}:${string}`;

export function holdKey(kind: HoldScopeKind, id: string): HoldKey {
  return `${kind}:${id}`;
}

/** The keys, without duplicates, in a stable order (they are stored and compared as sets). */
export function uniqueHoldKeys(keys: Iterable<HoldKey | null>): HoldKey[] {
  return [...new Set([...keys].filter((key): key is HoldKey => key !== null))].sort();
}

export function splitHoldKey(key: string): { kind: string; id: string } {
  const separator = key.indexOf(":");
  return { kind: key.slice(0, separator), id: key.slice(separator + 1) };
}
