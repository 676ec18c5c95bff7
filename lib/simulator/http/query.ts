// Query-string parsing and the validators shared by the endpoints.
//
// Arrays use bracket syntax only (`user_ids[]=a&user_ids[]=b`), as the docs show; a bare
// `user_ids=a` is an unknown parameter. Unknown parameters are ignored (undocumented; the
// plausible behaviour of a lenient server), so a client that misspells a filter gets unfiltered
// results, which a contract test can notice. A scalar sent twice takes its last value.

import { Errors } from "./errors";
import { parseRfc3339, type TimeRange } from "../dataset/time";

export class Query {
  private readonly scalars = new Map<string, string>();
  private readonly arrays = new Map<string, string[]>();

  constructor(raw: string) {
    for (const part of raw.split("&")) {
      if (part === "") continue;
      const eq = part.indexOf("=");
      const key = decode(eq === -1 ? part : part.slice(0, eq));
      const value = eq === -1 ? "" : decode(part.slice(eq + 1));
      if (key.endsWith("[]")) {
        const name = key.slice(0, -2);
        const list = this.arrays.get(name) ?? [];
        list.push(value);
        this.arrays.set(name, list);
      } else {
        this.scalars.set(key, value);
      }
    }
  }

  get(name: string): string | undefined {
    return this.scalars.get(name);
  }

  list(name: string): string[] {
    return this.arrays.get(name) ?? [];
  }

  hasList(name: string): boolean {
    return this.arrays.has(name);
  }
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    return s;
  }
}

/** `limit` in [1, max]; non-numeric values get the same documented message. */
export function parseLimit(q: Query, def: number, max: number): number {
  const raw = q.get("limit");
  if (raw === undefined) return def;
  if (!/^-?\d+$/.test(raw)) throw Errors.invalidLimit(max, raw);
  const n = Number(raw);
  if (n < 1 || n > max) throw Errors.invalidLimit(max, raw);
  return n;
}

/** Optional limit (chat messages: omitted means "everything"). */
export function parseOptionalLimit(q: Query, max: number): number | null {
  return q.get("limit") === undefined ? null : parseLimit(q, 0, max);
}

const OPS = ["gt", "gte", "lt", "lte"] as const;

export function parseRange(q: Query, field: string, ops: readonly (typeof OPS)[number][] = OPS): TimeRange {
  const range: TimeRange = {};
  for (const op of ops) {
    const param = `${field}.${op}`;
    const raw = q.get(param);
    if (raw === undefined) continue;
    const us = parseRfc3339(raw);
    if (us === null) throw Errors.invalidTimestamp(param, raw);
    range[op] = us;
  }
  return range;
}

export function rangeIsEmpty(r: TimeRange): boolean {
  return r.gt === undefined && r.gte === undefined && r.lt === undefined && r.lte === undefined;
}

export function parseEnum<T extends string>(q: Query, name: string, allowed: readonly T[], def: T): T {
  const raw = q.get(name);
  if (raw === undefined) return def;
  if (!(allowed as readonly string[]).includes(raw)) throw Errors.invalidEnum(name, raw, allowed);
  return raw as T;
}

/**
 * `tool_result_max_chars` / `tool_use_input_max_chars`: a positive integer or -1 (no limit).
 * The server default (10,000) is documented only by third-party clients.
 */
export function parseMaxChars(q: Query, name: string, def: number): number {
  const raw = q.get(name);
  if (raw === undefined) return def;
  const n = /^-?\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(n === -1 || n >= 1)) throw Errors.invalid(`The \`${name}\` parameter must be a positive integer or -1 (no limit). Got ${raw}.`);
  return n;
}

/** `tool_*_max_bytes` on session transcripts: positive or -1 (server max); larger values clamp. */
export function parseMaxBytes(q: Query, name: string, def: number, serverMax: number): number {
  const raw = q.get(name);
  if (raw === undefined) return def;
  const n = /^-?\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(n === -1 || n >= 1)) throw Errors.invalid(`The \`${name}\` parameter must be a positive byte count or -1 (the server maximum). Got ${raw}.`);
  return n === -1 ? serverMax : Math.min(n, serverMax);
}

/** Rejects `after_id` together with `before_id` (documented rule, undocumented message). */
export function parseCursors(q: Query): { after: string | null; before: string | null } {
  const after = q.get("after_id") ?? null;
  const before = q.get("before_id") ?? null;
  if (after !== null && before !== null) throw Errors.bothCursors();
  return { after, before };
}
