import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { formatInZone, fromZonedInputValue, isTimeZone, toZonedInputValue, UTC } from "@/lib/console/time-zone";

describe("times in a reviewer's zone", () => {
  test("are shown to the second with the zone's name, or to the minute for a table whose heading names it", () => {
    expect(formatInZone("2026-04-10T08:09:10.123456Z", UTC)).toBe("2026-04-10 08:09:10 UTC");
    expect(formatInZone("2026-04-10T08:09:10+00:00", "Europe/Paris")).toBe("2026-04-10 10:09:10 CEST");
    expect(formatInZone("2026-01-10T08:09:10Z", "Europe/Paris")).toBe("2026-01-10 09:09:10 CET");
    expect(formatInZone("2026-01-10T08:09:10Z", "America/New_York", "minute")).toBe("2026-01-10 03:09");
    expect(formatInZone(null, UTC)).toBe("—");
    expect(formatInZone("not a time", UTC)).toBe("not a time");
  });

  test("a picker's wall time in the zone is the UTC instant it names, and back", () => {
    expect(fromZonedInputValue("2026-04-10T10:09:10", "Europe/Paris")).toBe("2026-04-10T08:09:10Z");
    expect(fromZonedInputValue("2026-04-10T10:09", UTC)).toBe("2026-04-10T10:09:00Z");
    expect(toZonedInputValue("2026-04-10T08:09:10Z", "Europe/Paris")).toBe("2026-04-10T10:09:10");
    expect(toZonedInputValue(undefined, UTC)).toBe("");
    expect(fromZonedInputValue("10/04/2026 10:09", UTC)).toBeNull();
  });

  test("daylight-saving changes: a skipped wall time is read an hour later, a repeated one as the later of the two", () => {
    expect(fromZonedInputValue("2026-03-29T02:30", "Europe/Paris")).toBe("2026-03-29T01:30:00Z");
    expect(fromZonedInputValue("2026-10-25T02:30", "Europe/Paris")).toBe("2026-10-25T01:30:00Z");
  });

  test("round-trip any instant to the second through the picker, in zones either side of UTC", () => {
    const zones = ["Europe/Paris", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", UTC];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2040, 0, 1) / 1000 }), fc.constantFrom(...zones), (seconds, zone) => {
        const instant = new Date(seconds * 1000).toISOString().replace(".000Z", "Z");
        const wall = toZonedInputValue(instant, zone);
        const back = fromZonedInputValue(wall, zone)!;
        // An instant in the repeated hour of an autumn change reads back as the later of the two.
        expect([0, 3_600_000, 1_800_000]).toContain(Date.parse(back) - Date.parse(instant));
        expect(toZonedInputValue(back, zone)).toBe(wall);
      }),
    );
  });

  test("only zones the runtime knows are accepted", () => {
    expect(isTimeZone(UTC)).toBe(true);
    expect(isTimeZone("Europe/Paris")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isTimeZone("x".repeat(100))).toBe(false);
  });
});
