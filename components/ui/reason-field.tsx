import { useId } from "react";

/** A required free-text reason that goes on the record (a hold's release, a change of someone's access). */
export function ReasonField({ label, value, maxLength, onChange }: { label: string; value: string; maxLength: number; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <label htmlFor={id} className="block text-sm font-semibold">
      {label}
      <textarea
        id={id}
        value={value}
        maxLength={maxLength}
        required
        rows={2}
        onChange={(event) => onChange(event.target.value)}
        className="mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm font-normal"
      />
    </label>
  );
}
