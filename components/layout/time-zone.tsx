"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import { z } from "zod";
import { formatInZone, UTC } from "@/lib/console/time-zone";
import { apiFetch } from "@/lib/queries/api-fetch";
import { useIsHydrated } from "./hydration";

type TimeZoneState = { zone: string; choose: (zone: string) => void; error: Error | null };

const TimeZoneContext = createContext<TimeZoneState | null>(null);

/** The zone the console shows times in, as the reviewer last chose it (read on the server). */
export function TimeZoneProvider({ initialZone, children }: { initialZone: string; children: ReactNode }) {
  const [zone, setZone] = useState(initialZone);
  const [error, setError] = useState<Error | null>(null);
  const choose = (next: string) => {
    const previous = zone;
    setZone(next);
    setError(null);
    apiFetch("/api/preferences/time-zone", z.null(), { method: "PUT", body: { timeZone: next } }).catch((failure: unknown) => {
      setZone(previous);
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    });
  };
  return <TimeZoneContext.Provider value={{ zone, choose, error }}>{children}</TimeZoneContext.Provider>;
}

/** How to show times: in the reviewer's zone (UTC outside the console, where nobody chose). */
export function useTimeFormat() {
  const zone = useContext(TimeZoneContext)?.zone ?? UTC;
  return {
    zone,
    /** "2026-04-10 08:09:10 UTC": what evidence quotes. */
    format: (timestamp: string | null) => formatInZone(timestamp, zone),
    /** "2026-04-10 08:09", for a table whose heading names the zone. */
    formatCompact: (timestamp: string | null) => formatInZone(timestamp, zone, "minute"),
  };
}

/** A time as reviewers quote it, in their zone; the exact value the API gave is its datetime. */
export function Timestamp({ value }: { value: string | null }) {
  const { format } = useTimeFormat();
  return value ? <time dateTime={value}>{format(value)}</time> : <>—</>;
}

/**
 * UTC or the browser's own zone (and a zone chosen on another browser, while it is the one in use).
 * The choice is remembered on the server, so it follows the reviewer to any browser.
 */
export function TimeZoneSwitch() {
  const state = useContext(TimeZoneContext);
  const isHydrated = useIsHydrated();
  if (!state) return null;
  // The browser's zone is known only in the browser: the server renders the options it knows.
  const browserZone = isHydrated ? Intl.DateTimeFormat().resolvedOptions().timeZone : null;
  const zones = [...new Set([UTC, state.zone, ...(browserZone ? [browserZone] : [])])];
  return (
    <label className="flex items-center gap-1 text-xs text-slate-600">
      Times
      <select
        value={state.zone}
        onChange={(event) => state.choose(event.target.value)}
        className="rounded border border-slate-300 bg-white px-1 py-0.5 text-xs text-slate-900"
      >
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone === browserZone && zone !== UTC ? `${zone} (this computer)` : zone}
          </option>
        ))}
      </select>
      {state.error && (
        <span role="alert" className="text-rose-700">
          Not saved: {state.error.message}
        </span>
      )}
    </label>
  );
}
