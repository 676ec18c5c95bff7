/**
 * Timestamps in the zone a reviewer reads them in: UTC (what the API speaks and what evidence quotes)
 * or a named IANA zone. The API's values stay the source; these only display and read them.
 */
export const UTC = "UTC";

/** Whether this runtime knows the zone (an IANA name such as "Europe/Paris", or "UTC"). */
export function isTimeZone(zone: string): boolean {
  if (zone === UTC) return true;
  if (zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

interface WallTime {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
  zoneName: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallTimeOf(instant: Date, zone: string): WallTime {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    });
    formatters.set(zone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
    zoneName: zone === UTC ? UTC : parts.timeZoneName!,
  };
}

/**
 * "2026-04-10 08:09:10 UTC", or in another zone with its short name ("2026-04-10 10:09:10 CEST").
 * `minute` drops the seconds and the zone, for a dense table whose heading names the zone.
 */
export function formatInZone(timestamp: string | null, zone: string, precision: "second" | "minute" = "second"): string {
  if (!timestamp) return "—";
  const instant = new Date(timestamp);
  if (Number.isNaN(instant.getTime())) return timestamp;
  const wall = wallTimeOf(instant, zone);
  const day = `${wall.year}-${wall.month}-${wall.day}`;
  return precision === "minute" ? `${day} ${wall.hour}:${wall.minute}` : `${day} ${wall.hour}:${wall.minute}:${wall.second} ${wall.zoneName}`;
}

/** The value a datetime-local input shows for an RFC 3339 time, in the zone; "" for none or an unreadable one. */
export function toZonedInputValue(timestamp: string | undefined, zone: string): string {
  if (!timestamp) return "";
  const instant = new Date(timestamp);
  if (Number.isNaN(instant.getTime())) return "";
  const wall = wallTimeOf(instant, zone);
  return `${wall.year}-${wall.month}-${wall.day}T${wall.hour}:${wall.minute}:${wall.second}`;
}

/**
 * The RFC 3339 UTC time ("…Z") of a datetime-local value read in the zone, or null when the value is
 * not one. A wall time a daylight-saving change skips is read as the instant an hour later, one it
 * repeats as the later of the two.
 */
export function fromZonedInputValue(value: string, zone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [, year, month, day, hour, minute, second = "00"] = match;
  const asIfUtc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  if (Number.isNaN(asIfUtc)) return null;
  // The zone's offset at that moment; a second pass settles a guess that fell across a change.
  let instant = asIfUtc - offsetAt(asIfUtc, zone);
  instant = asIfUtc - offsetAt(instant, zone);
  return new Date(instant).toISOString().replace(/\.000Z$/, "Z");
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, zone: string): number {
  const wall = wallTimeOf(new Date(instant), zone);
  const wallAsUtc = Date.UTC(Number(wall.year), Number(wall.month) - 1, Number(wall.day), Number(wall.hour), Number(wall.minute), Number(wall.second));
  return wallAsUtc - Math.floor(instant / 1000) * 1000;
}
