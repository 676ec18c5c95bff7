import "server-only";

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

// A high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, "g");
// A cheap first test: almost no string holds a surrogate at all, and the look-behind is slow.
const ANY_SURROGATE = /[\uD800-\uDFFF]/;
const MAX_DEPTH = 32;

/**
 * RFC 8785 (JSON Canonicalization Scheme): the one byte sequence for a JSON value that anyone can
 * recompute with any JCS library. Written here rather than taken as a dependency because it is the
 * root of the audit chain's integrity and short enough to review.
 *
 * Throws on what has no JSON form (undefined, functions, bigint, NaN, Infinity, class instances) and
 * on strings that are not well-formed UTF-16, which I-JSON (RFC 7493, required by RFC 8785) forbids.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`${value} has no JSON representation`);
      // RFC 8785 §3.2.2.3 adopts ECMAScript's Number-to-String, which JSON.stringify applies (-0 → "0").
      return JSON.stringify(value);
    case "string":
      return canonicalString(value);
    case "object":
      return Array.isArray(value) ? canonicalArray(value) : canonicalObject(value);
    default:
      throw new TypeError(`${describe(value)} has no JSON representation`);
  }
}

function canonicalString(value: string): string {
  if (ANY_SURROGATE.test(value) && LONE_SURROGATE.test(value)) throw new TypeError("strings must be well-formed Unicode (lone surrogate found)");
  // JSON.stringify escapes exactly what RFC 8785 §3.2.2.2 requires: " and \, the two-character forms
  // \b \t \n \f \r, other controls as lowercase \u00xx, and nothing else.
  return JSON.stringify(value);
}

// Loops and concatenation rather than map/join: the verifier canonicalises every row of the log,
// and this is about twice as fast.
function canonicalArray(values: unknown[]): string {
  let text = "[";
  // An index loop also sees the holes of a sparse array (map() would skip them silently).
  for (let index = 0; index < values.length; index += 1) text += (index > 0 ? "," : "") + canonicalJson(values[index]);
  return `${text}]`;
}

function canonicalObject(value: object): string {
  if (!isPlainObject(value)) throw new TypeError(`${describe(value)} has no JSON representation`);
  const record = value as Record<string, unknown>;
  // Array.prototype.sort without a comparator orders by UTF-16 code units, as RFC 8785 §3.2.3 requires.
  const keys = Object.keys(record).sort();
  let text = "{";
  for (let index = 0; index < keys.length; index += 1) {
    const key = keys[index]!;
    text += `${index > 0 ? "," : ""}${canonicalString(key)}:${canonicalJson(record[key])}`;
  }
  return `${text}}`;
}

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Makes a value safe to both hash and store, so that what PostgreSQL keeps is exactly what was hashed:
 * - strings (keys too) become well-formed: lone surrogates turn into U+FFFD, as node-pg would send
 *   them anyway; U+0000 is removed, because PostgreSQL refuses it in text and jsonb;
 * - numbers must be safe integers: jsonb would keep a float's digits but not necessarily the same
 *   double, and nothing the audit log records needs fractions.
 * Returns a new value; throws a TypeError naming the first problem.
 */
export function toAuditJson(value: unknown): JsonValue {
  return normalize(value, 0, "$");
}

/** The string as it will be stored: well-formed, without U+0000. */
export function toAuditString(value: string): string {
  return value.replace(LONE_SURROGATES, "\uFFFD").replaceAll("\u0000", "");
}

function normalize(value: unknown, depth: number, path: string): JsonValue {
  if (depth > MAX_DEPTH) throw new TypeError(`${path}: nested deeper than ${MAX_DEPTH} levels`);
  if (value === null || typeof value === "boolean") return value;
  if (typeof value === "string") return toAuditString(value);
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new TypeError(`${path}: only safe integers are allowed, not ${value}`);
    return value === 0 ? 0 : value; // -0 and 0 are the same JSON number
  }
  if (Array.isArray(value)) {
    const items: JsonValue[] = [];
    for (let index = 0; index < value.length; index += 1) items.push(normalize(value[index], depth + 1, `${path}[${index}]`));
    return items;
  }
  if (typeof value === "object" && isPlainObject(value)) {
    // No prototype, so a "__proto__" key is stored as a key instead of replacing the prototype.
    const result = Object.create(null) as Record<string, JsonValue>;
    for (const [key, item] of Object.entries(value)) {
      const storedKey = toAuditString(key);
      if (Object.hasOwn(result, storedKey)) throw new TypeError(`${path}: two keys become "${storedKey}" once normalised`);
      result[storedKey] = normalize(item, depth + 1, `${path}.${storedKey}`);
    }
    return result;
  }
  throw new TypeError(`${path}: ${describe(value)} has no JSON representation`);
}

/** "a Date", "a bigint", "undefined": for error messages, never the value itself. */
function describe(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "object" && value !== null) return `a ${Object.prototype.toString.call(value).slice(8, -1)}`;
  return `a ${typeof value}`;
}
