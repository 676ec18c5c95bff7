import { Button } from "@/components/ui/button";
import { DateTimeField } from "@/components/ui/date-time-field";
import { ACTIVITY_FAMILIES, ACTIVITY_FAMILY_NAMES } from "@/lib/activity/activity-families";
import { DOCUMENTED_TYPE_COUNT, TYPES_BY_FAMILY } from "@/lib/activity/types-by-family";
import type { ActivityFilters } from "@/lib/console/activity-filters";

const INPUT = "mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm text-slate-900";

/**
 * A GET form, so a filter is a link: every filter the API has. Families stand for their documented
 * types; single types add to them. The API takes either types to keep or types to leave out.
 */
export function ActivityFilterForm({ filters }: { filters: ActivityFilters }) {
  const chosen = new Set((filters.families ?? "").split(","));
  return (
    <form method="get" action="/activity" className="mt-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-4">
      <fieldset className="md:col-span-4">
        <legend className="text-xs font-medium text-slate-600">Families of activity</legend>
        <div className="mt-1 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-4">
          {ACTIVITY_FAMILIES.filter((family) => TYPES_BY_FAMILY[family].length > 0).map((family) => (
            <label key={family} className="flex items-center gap-2 text-slate-700">
              <input type="checkbox" name="families" value={family} defaultChecked={chosen.has(family)} />
              {ACTIVITY_FAMILY_NAMES[family]} <span className="text-xs text-slate-500">({TYPES_BY_FAMILY[family].length})</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="text-xs font-medium text-slate-600 md:col-span-2">
        Activity types
        <input name="types" defaultValue={filters.types ?? ""} placeholder="e.g. claude_chat_deleted, sso_login_failed" className={INPUT} />
      </label>
      <label className="flex items-end gap-2 pb-1 text-sm text-slate-700 md:col-span-2">
        <input type="checkbox" name="exclude" value="1" defaultChecked={filters.exclude === "1"} />
        Leave the chosen families and types out, instead of showing only them
      </label>
      <label className="text-xs font-medium text-slate-600">
        People who acted
        <input name="actors" defaultValue={filters.actors ?? ""} placeholder="user_… ids, comma-separated" className={INPUT} />
      </label>
      <label className="text-xs font-medium text-slate-600">
        Organisations
        <input name="org" defaultValue={filters.org ?? ""} placeholder="UUIDs or org_… ids, comma-separated" className={INPUT} />
      </label>
      <DateTimeField name="from" label="From" defaultValue={filters.from} />
      <DateTimeField name="before" label="Before" defaultValue={filters.before} />
      <div className="flex flex-wrap items-center gap-4 md:col-span-4">
        <Button type="submit" variant="primary">
          Show activity
        </Button>
        <details className="text-xs text-slate-600">
          <summary className="cursor-pointer">All {DOCUMENTED_TYPE_COUNT} activity types, by family</summary>
          <div className="mt-2 max-h-96 overflow-auto rounded border border-slate-200 p-2">
            {ACTIVITY_FAMILIES.filter((family) => TYPES_BY_FAMILY[family].length > 0).map((family) => (
              <section key={family} className="mb-2">
                <h3 className="font-medium text-slate-700">{ACTIVITY_FAMILY_NAMES[family]}</h3>
                <p className="font-mono leading-relaxed text-slate-500">{TYPES_BY_FAMILY[family].join(" · ")}</p>
              </section>
            ))}
          </div>
        </details>
      </div>
    </form>
  );
}
