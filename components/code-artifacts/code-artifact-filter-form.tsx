import { DateTimeField } from "@/components/ui/date-time-field";
import { Button } from "@/components/ui/button";
import type { CodeArtifactFilters } from "@/lib/console/code-artifact-filters";

const INPUT_CLASS = "mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm text-slate-900";

/** A GET form, so a filter is a link; the API checks the ids and the route explains a refusal. */
export function CodeArtifactFilterForm({ filters }: { filters: CodeArtifactFilters }) {
  return (
    <form method="get" action="/code-artifacts" className="mt-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-4">
      <label className="text-xs font-medium text-slate-600">
        Organisation
        <input name="org" defaultValue={filters.org ?? ""} placeholder="organisation UUID or org_… id" className={INPUT_CLASS} />
      </label>
      <label className="text-xs font-medium text-slate-600">
        Owners
        <input name="owners" defaultValue={filters.owners ?? ""} placeholder="user_… ids, comma-separated" className={INPUT_CLASS} />
      </label>
      <DateTimeField name="updatedFrom" label="Updated from" defaultValue={filters.updatedFrom} />
      <DateTimeField name="updatedTo" label="Updated to" defaultValue={filters.updatedTo} />
      <p className="text-xs text-slate-600 md:col-span-3">
        A time filter never matches artifacts published before the API recorded update times: leave it empty for a complete list.
      </p>
      <div className="flex items-end justify-end">
        <Button type="submit" variant="primary">
          Show artifacts
        </Button>
      </div>
    </form>
  );
}
