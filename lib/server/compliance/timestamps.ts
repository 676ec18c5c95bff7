import "server-only";

/**
 * Orders RFC 3339 timestamps exactly, microseconds included (Date keeps milliseconds only), whatever
 * their time-zone notation: 2026-04-10T08:09:10.123456+00:00 and …10.123456Z are equal.
 */
export function compareTimestamps(a: string, b: string): number {
  const [secondsA, fractionA] = splitTimestamp(a);
  const [secondsB, fractionB] = splitTimestamp(b);
  if (secondsA !== secondsB) return secondsA < secondsB ? -1 : 1;
  return fractionA === fractionB ? 0 : fractionA < fractionB ? -1 : 1;
}

function splitTimestamp(value: string): [number, string] {
  const match = /^(.*T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(.*)$/i.exec(value);
  if (!match) return [Date.parse(value), ""];
  const [, base = "", fraction = "", zone = ""] = match;
  return [Date.parse(`${base}${zone || "Z"}`), fraction.padEnd(9, "0")];
}
