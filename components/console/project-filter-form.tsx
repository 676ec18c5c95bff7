import { Button } from "@/components/ui/button";
import type { ProjectFilterName, ProjectFilters } from "@/lib/console/project-filters";

const FIELDS: Array<{ name: Exclude<ProjectFilterName, "org">; label: string; placeholder: string }> = [
  { name: "owners", label: "Created by", placeholder: "user_… ids, comma-separated" },
  { name: "createdFrom", label: "Created from (UTC)", placeholder: "2024-03-01T00:00:00Z" },
  { name: "createdTo", label: "Created to (UTC)", placeholder: "2024-04-01T00:00:00Z" },
  { name: "updatedFrom", label: "Updated from (UTC)", placeholder: "2024-03-01T00:00:00Z" },
  { name: "updatedTo", label: "Updated to (UTC)", placeholder: "2024-04-01T00:00:00Z" },
];

/** A GET form, so a filter is a link; the organisation comes from the switcher and travels along. */
export function ProjectFilterForm({ filters }: { filters: ProjectFilters }) {
  return (
    <form method="get" action="/projects" className="mt-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-5">
      {filters.org && <input type="hidden" name="org" value={filters.org} />}
      {FIELDS.map((field) => (
        <label key={field.name} className="text-xs font-medium text-slate-600">
          {field.label}
          <input
            name={field.name}
            defaultValue={filters[field.name] ?? ""}
            placeholder={field.placeholder}
            className="mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm text-slate-900"
          />
        </label>
      ))}
      <div className="md:col-span-5">
        <Button type="submit" variant="primary">
          Show projects
        </Button>
      </div>
    </form>
  );
}
