import "server-only";
import { ID_DESCRIPTIONS, ID_PATTERNS, isOrganizationReference, type IdKind } from "./ids";

/**
 * Typed query parameters. Each one knows its wire name, validates its value before a request is
 * built, and encodes itself; the URL builder accepts no other parameter (an allow-list per endpoint).
 */
export interface QueryParam<T> {
  readonly wire: string;
  /** Returns an error message, or null when the value is acceptable. */
  check(value: T): string | null;
  encode(value: T): Array<[string, string]>;
}

/** RFC 3339 date-time with a time zone, as the API requires (e.g. 2024-03-01T00:00:00Z). */
const RFC_3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;
const CURSOR = /^[A-Za-z0-9_\-=+/.]{1,4096}$/;

export function isRfc3339(value: string): boolean {
  return RFC_3339.test(value) && !Number.isNaN(Date.parse(value));
}

export function integer(wire: string, min: number, max: number, extra: readonly number[] = []): QueryParam<number> {
  return {
    wire,
    check: (value) =>
      Number.isInteger(value) && ((value >= min && value <= max) || extra.includes(value))
        ? null
        : `${wire} must be an integer between ${min} and ${max}${extra.length ? ` (or ${extra.join(", ")})` : ""}; got ${String(value)}.`,
    encode: (value) => [[wire, String(value)]],
  };
}

export function oneOf<const T extends string>(wire: string, values: readonly T[]): QueryParam<T> {
  return {
    wire,
    check: (value) => (values.includes(value) ? null : `${wire} must be one of ${values.join(", ")}.`),
    encode: (value) => [[wire, value]],
  };
}

/** Opaque cursors and page tokens: passed back unchanged, but bounded and free of URL syntax. */
export function cursor(wire: string): QueryParam<string> {
  return {
    wire,
    check: (value) => (typeof value === "string" && CURSOR.test(value) ? null : `${wire} is not a cursor this API issued.`),
    encode: (value) => [[wire, value]],
  };
}

export function text(wire: string, maxLength: number): QueryParam<string> {
  return {
    wire,
    check: (value) =>
      typeof value === "string" && value.length >= 1 && value.length <= maxLength && !/[\u0000-\u001f]/.test(value)
        ? null
        : `${wire} must be 1 to ${maxLength} printable characters.`,
    encode: (value) => [[wire, value]],
  };
}

function listOf(wire: string, max: number, isValid: (item: string) => boolean, describe: string): QueryParam<readonly string[]> {
  return {
    wire,
    check: (values) => {
      if (!Array.isArray(values) || values.length === 0) return `${wire} must list at least one value.`;
      if (values.length > max) return `${wire} accepts at most ${max} values; got ${values.length}.`;
      const bad = values.find((item) => !isValid(item));
      return bad === undefined ? null : `${wire} must contain only ${describe}.`;
    },
    encode: (values) => values.map((item) => [wire, item]),
  };
}

export function ids(wire: string, kind: IdKind, max: number): QueryParam<readonly string[]> {
  return listOf(wire, max, (item) => ID_PATTERNS[kind].test(item), `${ID_DESCRIPTIONS[kind]}s`);
}

export function organizationIds(wire: string, max: number): QueryParam<readonly string[]> {
  return listOf(wire, max, isOrganizationReference, "organisation UUIDs or org_… ids");
}

export function activityTypes(wire: string): QueryParam<readonly string[]> {
  return listOf(wire, 500, (item) => /^[a-z][a-z0-9_]{0,99}$/.test(item), "activity type names");
}

export type TimeRange = { gt?: string; gte?: string; lt?: string; lte?: string };
type Bound = keyof TimeRange;
type Bounds = readonly Bound[];

/** A dotted range filter such as created_at.gte; `bounds` limits which operators an endpoint documents. */
export function timeRange(prefix: string, bounds: Bounds = ["gt", "gte", "lt", "lte"]): QueryParam<TimeRange> {
  return {
    wire: `${prefix}.*`,
    check: (range) => {
      for (const [bound, value] of Object.entries(range) as Array<[Bound, string | undefined]>) {
        if (value === undefined) continue;
        if (!bounds.includes(bound)) return `${prefix}.${bound} is not accepted here (only ${bounds.map((b) => `${prefix}.${b}`).join(", ")}).`;
        if (!isRfc3339(value)) return `${prefix}.${bound} must be an RFC 3339 timestamp such as 2024-03-01T00:00:00Z; got "${value}".`;
      }
      return null;
    },
    encode: (range) => bounds.flatMap((bound): Array<[string, string]> => (range[bound] === undefined ? [] : [[`${prefix}.${bound}`, range[bound]]])),
  };
}

export type QueryParams = Record<string, QueryParam<never>>;

/** The caller-side type of a query spec: every parameter optional. */
export type QueryInput<Q> = { [K in keyof Q]?: Q[K] extends QueryParam<infer T> ? T : never };
