// Timestamps are integers of microseconds since the Unix epoch (they fit a double exactly), so
// the output can carry the microsecond precision the docs examples show.

/** Every generated timestamp lies before this instant, so output does not depend on the clock. */
export const DATASET_EPOCH_US = Date.UTC(2026, 8, 30, 0, 0, 0) * 1000;
export const US_PER_SECOND = 1_000_000;
export const US_PER_MINUTE = 60 * US_PER_SECOND;
export const US_PER_HOUR = 60 * US_PER_MINUTE;
export const US_PER_DAY = 24 * US_PER_HOUR;

// Formatting is on the hot path of every list page, so the date part is cached per day and
// the time of day is assembled arithmetically instead of through Date#toISOString.
const dayCache = new Map<number, string>();
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

function isoBase(us: number): { base: string; micros: number } {
  const seconds = Math.floor(us / US_PER_SECOND);
  const micros = us - seconds * US_PER_SECOND;
  const day = Math.floor(seconds / 86_400);
  let date = dayCache.get(day);
  if (date === undefined) {
    date = new Date(day * 86_400_000).toISOString().slice(0, 10);
    if (dayCache.size > 4096) dayCache.clear();
    dayCache.set(day, date);
  }
  const sod = seconds - day * 86_400;
  return { base: `${date}T${pad2(Math.floor(sod / 3600))}:${pad2(Math.floor(sod / 60) % 60)}:${pad2(sod % 60)}`, micros };
}

/** `2026-04-10T08:09:10.123456Z`, the shape of most docs examples. */
export function formatUs(us: number): string {
  const { base, micros } = isoBase(us);
  return `${base}.${String(micros).padStart(6, "0")}Z`;
}

/** `2025-03-12T18:22:41.123456`: roles, groups and group members carry no zone in the docs. */
export function formatNaive(us: number): string {
  const { base, micros } = isoBase(us);
  return `${base}.${String(micros).padStart(6, "0")}`;
}

/** Python `isoformat()` style (`+00:00`, fraction omitted when zero), as seen inside chat cursors. */
export function formatPython(us: number): string {
  const { base, micros } = isoBase(us);
  return micros === 0 ? `${base}+00:00` : `${base}.${String(micros).padStart(6, "0")}+00:00`;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/**
 * Parses an RFC 3339 date-time with a mandatory offset (the docs reject "2024-01-01").
 * Returns microseconds, or null when the value is not a valid RFC 3339 timestamp.
 */
export function parseRfc3339(value: string): number | null {
  const m = RFC3339.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, z, sign, oh, om] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  let offsetMinutes = 0;
  if (!z) {
    const offH = Number(oh);
    const offM = Number(om);
    if (offH > 23 || offM > 59) return null;
    offsetMinutes = (sign === "-" ? -1 : 1) * (offH * 60 + offM);
  }
  const micros = frac ? Number(frac.padEnd(6, "0").slice(0, 6)) : 0;
  const epochMs = Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000;
  return epochMs * 1000 + micros;
}

/** Current wall-clock time in microseconds (runtime events only). */
export function nowUs(): number {
  return Math.floor((performance.timeOrigin + performance.now()) * 1000);
}

/** Bounds of a `created_at.*` / `updated_at.*` filter, in microseconds. */
export interface TimeRange {
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
}

export function inRange(v: number, r: TimeRange): boolean {
  return (r.gt === undefined || v > r.gt) && (r.gte === undefined || v >= r.gte) && (r.lt === undefined || v < r.lt) && (r.lte === undefined || v <= r.lte);
}
