"use client";

import { useState } from "react";
import { useTimeFormat } from "@/components/layout/time-zone";
import { fromZonedInputValue, toZonedInputValue } from "@/lib/console/time-zone";

type DateTimeFieldProps = {
  /** The form field that carries the RFC 3339 value (UTC, "…Z"), as the API and the address want it. */
  name: string;
  label: string;
  /** An RFC 3339 time, from the address. */
  defaultValue: string | undefined;
  onChange?: (value: string | undefined) => void;
  invalid?: boolean;
  describedBy?: string;
  className?: string;
};

/**
 * A date-time picker read in the reviewer's zone. The picker itself sends nothing: a hidden field
 * carries its value as RFC 3339 in UTC, so a filter in the address means the same instant whoever
 * opens the link.
 */
export function DateTimeField({ name, label, defaultValue, onChange, invalid, describedBy, className }: DateTimeFieldProps) {
  const { zone } = useTimeFormat();
  // The address's value is kept as it is (to the microsecond) until the picker changes it.
  const [value, setValue] = useState(defaultValue);
  return (
    <label className={className ?? "text-xs font-medium text-slate-600"}>
      {label} ({zone})
      <input
        type="datetime-local"
        step={1}
        defaultValue={toZonedInputValue(value, zone)}
        onChange={(event) => {
          const next = fromZonedInputValue(event.target.value, zone) ?? undefined;
          setValue(next);
          onChange?.(next);
        }}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
        className="mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900"
      />
      {/* Disabled when empty, so an unset bound is left out of the address. */}
      <input type="hidden" name={name} value={value ?? ""} disabled={value === undefined} />
    </label>
  );
}
