"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { DateTimeField } from "@/components/ui/date-time-field";
import { explainChatFilterProblems, type ChatFilterName, type ChatFilters } from "@/lib/console/chat-filters";
import { organizationsOptions, projectListOptions } from "@/lib/queries/console-queries";

type FormFieldName = Exclude<ChatFilterName, "after" | "before" | "orderBy" | "limit" | "hideDeleted">;

const INPUT_CLASS = "mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm text-slate-900";
const SELECT_CLASS = "mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900";

const PAGE_SIZES = ["10", "25", "50", "100", "200"];
const DEFAULT_PAGE_SIZE = "50";

const TIME_FIELDS: Array<{ name: FormFieldName; label: string }> = [
  { name: "createdFrom", label: "Created from" },
  { name: "createdTo", label: "Created to" },
  { name: "updatedFrom", label: "Updated from" },
  { name: "updatedTo", label: "Updated to" },
];

/** Which field a time-range explanation belongs to: it concerns the range as a whole. */
const PROBLEM_FIELD: Partial<Record<FormFieldName, ChatFilterName>> = { createdTo: "createdFrom", updatedTo: "updatedFrom" };

/**
 * A GET form, so a filter is a link. Paging cursors are not part of it: new filters start again
 * from the first page. API rules are explained as the reviewer types, before anything is sent.
 */
export function ChatFilterForm({ initial }: { initial: ChatFilters }) {
  const [filters, setFilters] = useState<ChatFilters>(() => ({ ...initial, after: undefined, before: undefined }));
  const problems = explainChatFilterProblems(filters);
  const hasProblems = Object.keys(problems).length > 0;
  const change = (name: ChatFilterName, value: string) => setFilters((current) => ({ ...current, [name]: value.trim() || undefined }));

  return (
    <form method="get" action="/chats" className="mt-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-3">
      <Field problem={problems.users} problemId="users-problem">
        Users
        <input
          name="users"
          defaultValue={initial.users ?? ""}
          placeholder="user_… ids, comma-separated"
          onChange={(event) => change("users", event.target.value)}
          aria-invalid={problems.users ? true : undefined}
          aria-describedby={problems.users ? "users-problem" : undefined}
          className={INPUT_CLASS}
        />
      </Field>
      <Field problem={undefined} problemId="org-problem">
        Organisation
        <OrganizationSelect value={filters.org} onChange={(value) => change("org", value)} />
      </Field>
      <Field problem={problems.project} problemId="project-problem">
        Project
        <ProjectInput
          orgUuid={filters.org}
          defaultValue={initial.project}
          hasProblem={Boolean(problems.project)}
          onChange={(value) => change("project", value)}
        />
      </Field>
      {TIME_FIELDS.map((field) => {
        const problem = PROBLEM_FIELD[field.name] ? undefined : problems[field.name];
        return (
          <div key={field.name}>
            <DateTimeField
              name={field.name}
              label={field.label}
              defaultValue={initial[field.name]}
              onChange={(value) => change(field.name, value ?? "")}
              invalid={Boolean(problem)}
              describedBy={problem ? `${field.name}-problem` : undefined}
            />
            {problem && (
              <p id={`${field.name}-problem`} className="mt-1 text-xs text-amber-800">
                {problem}
              </p>
            )}
          </div>
        );
      })}
      <Field problem={problems.orderBy} problemId="orderBy-problem">
        Order
        <select
          name="orderBy"
          defaultValue={initial.orderBy ?? "created_at"}
          onChange={(event) => change("orderBy", event.target.value)}
          aria-invalid={problems.orderBy ? true : undefined}
          aria-describedby={problems.orderBy ? "orderBy-problem" : undefined}
          className="mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900"
        >
          <option value="created_at">Created</option>
          <option value="updated_at">Updated (organisation-wide only)</option>
        </select>
      </Field>
      <Field problem={undefined} problemId="limit-problem">
        Rows per page
        <select
          name="limit"
          defaultValue={initial.limit ?? DEFAULT_PAGE_SIZE}
          className="mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900"
        >
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </Field>
      <label className="flex items-center gap-2 self-end text-sm text-slate-700">
        <input type="checkbox" name="hideDeleted" value="1" defaultChecked={initial.hideDeleted === "1"} />
        Hide chats deleted in claude.ai
      </label>
      <div className="flex items-end gap-3 md:col-span-3">
        <Button type="submit" disabled={hasProblems} variant="primary">
          Show chats
        </Button>
        {hasProblems && <span className="text-xs text-amber-800">Fix the marked fields first: the Compliance API would refuse this combination.</span>}
      </div>
    </form>
  );
}

function Field({ problem, problemId, children }: { problem: string | undefined; problemId: string; children: ReactNode }) {
  return (
    <div>
      <label className="text-xs font-medium text-slate-600">{children}</label>
      {problem && (
        <p id={problemId} className="mt-1 text-xs text-amber-800">
          {problem}
        </p>
      )}
    </div>
  );
}

/** The organisations the key reads, by name; a value from a link that is not listed stays selectable. */
function OrganizationSelect({ value, onChange }: { value: string | undefined; onChange: (value: string) => void }) {
  const query = useQuery(organizationsOptions());
  const organizations = query.data?.organizations ?? [];
  return (
    <select name="org" value={value ?? ""} onChange={(event) => onChange(event.target.value)} className={SELECT_CLASS}>
      <option value="">{query.isPending ? "Loading…" : query.isError ? "(organisations unavailable)" : "Every organisation"}</option>
      {value && !organizations.some((organization) => organization.uuid === value) && <option value={value}>{value}</option>}
      {organizations.map((organization) => (
        <option key={organization.uuid} value={organization.uuid}>
          {organization.name}
        </option>
      ))}
    </select>
  );
}

/** A project id, with the organisation's first projects offered by name (any id can still be typed). */
function ProjectInput({
  orgUuid,
  defaultValue,
  hasProblem,
  onChange,
}: {
  orgUuid: string | undefined;
  defaultValue: string | undefined;
  hasProblem: boolean;
  onChange: (value: string) => void;
}) {
  const query = useInfiniteQuery({ ...projectListOptions({ org: orgUuid }), enabled: Boolean(orgUuid) });
  const projects = query.data?.pages[0]?.projects ?? [];
  return (
    <>
      <input
        name="project"
        list="project-choices"
        defaultValue={defaultValue ?? ""}
        placeholder={orgUuid ? "type a name or a claude_proj_… id" : "claude_proj_… id"}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={hasProblem ? true : undefined}
        aria-describedby={hasProblem ? "project-problem" : undefined}
        className={INPUT_CLASS}
      />
      <datalist id="project-choices">
        {projects.map((project) => (
          <option key={project.id} value={project.id}>
            {project.name}
          </option>
        ))}
      </datalist>
    </>
  );
}
