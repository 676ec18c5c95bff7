import { Button } from "@/components/ui/button";
import { DateTimeField } from "@/components/ui/date-time-field";
import { sessionKindOf, type SessionFilters } from "@/lib/console/session-filters";
import { SESSION_KIND_NAMES, SessionKind } from "@/lib/schemas/sessions";

/** A GET form, so a filter is a link. Times are read in the reviewer's zone. */
export function SessionFilterForm({ filters }: { filters: SessionFilters }) {
  const kind = sessionKindOf(filters);
  return (
    <form method="get" action="/sessions" className="mt-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-5">
      <label className="text-xs font-medium text-slate-600">
        Where they ran
        <select name="kind" defaultValue={kind} className="mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm text-slate-900">
          {SessionKind.options.map((option) => (
            <option key={option} value={option}>
              {SESSION_KIND_NAMES[option]}
            </option>
          ))}
        </select>
      </label>
      <DateTimeField name="from" label="Created from" defaultValue={filters.from} />
      <DateTimeField name="before" label="Created before" defaultValue={filters.before} />
      {kind === "remote" ? (
        <>
          <label className="text-xs font-medium text-slate-600">
            Organisations
            <input
              name="org"
              defaultValue={filters.org ?? ""}
              placeholder="UUIDs, comma-separated"
              className="mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm text-slate-900"
            />
          </label>
          <label className="text-xs font-medium text-slate-600">
            Owners (at most 10)
            <input
              name="owners"
              defaultValue={filters.owners ?? ""}
              placeholder="user_… ids, comma-separated"
              className="mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm text-slate-900"
            />
          </label>
        </>
      ) : (
        <p className="text-xs text-slate-500 md:col-span-2">
          The API lists sessions on people&apos;s machines across every organisation the key reads, filtered by time only.
        </p>
      )}
      <div className="md:col-span-5">
        <Button type="submit" variant="primary">
          Show sessions
        </Button>
      </div>
    </form>
  );
}
