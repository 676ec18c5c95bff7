import { Button } from "@/components/ui/button";
import { DateTimeField } from "@/components/ui/date-time-field";
import type { ProjectFilterName, ProjectFilters } from "@/lib/console/project-filters";

const TIME_FIELDS: Array<{ name: Exclude<ProjectFilterName, "org" | "owners">; label: string }> = [
  { name: "createdFrom", label: "Created from" },
  { name: "createdTo", label: "Created to" },
  { name: "updatedFrom", label: "Updated from" },
  { name: "updatedTo", label: "Updated to" },
];

/** A GET form, so a filter is a link; the organisation comes from the switcher and travels along. Times are read in the reviewer's zone. */
export function ProjectFilterForm({ filters }: { filters: ProjectFilters }) {
  return (
    <form method="get" action="/projects" className="mt-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-5">
      {filters.org && <input type="hidden" name="org" value={filters.org} />}
      <label className="text-xs font-medium text-slate-600">
        Created by
        <input
          name="owners"
          defaultValue={filters.owners ?? ""}
          placeholder="user_… ids, comma-separated"
          className="mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm text-slate-900"
        />
      </label>
      {TIME_FIELDS.map((field) => (
        <DateTimeField key={field.name} name={field.name} label={field.label} defaultValue={filters[field.name]} />
      ))}
      <div className="md:col-span-5">
        <Button type="submit" variant="primary">
          Show projects
        </Button>
      </div>
    </form>
  );
}
