"use client";

import { useState, type ReactNode } from "react";
import { explainChatFilterProblems, type ChatFilterName, type ChatFilters } from "@/lib/console/chat-filters";

type FormFieldName = Exclude<ChatFilterName, "after" | "before" | "orderBy" | "limit">;

const PAGE_SIZES = ["10", "25", "50", "100", "200"];
const DEFAULT_PAGE_SIZE = "50";

const TEXT_FIELDS: Array<{ name: FormFieldName; label: string; placeholder?: string }> = [
  { name: "users", label: "Users", placeholder: "user_… ids, comma-separated" },
  { name: "org", label: "Organisation", placeholder: "organisation UUID" },
  { name: "project", label: "Project", placeholder: "claude_proj_… id" },
  { name: "createdFrom", label: "Created from (UTC)", placeholder: "2024-03-01T00:00:00Z" },
  { name: "createdTo", label: "Created to (UTC)", placeholder: "2024-04-01T00:00:00Z" },
  { name: "updatedFrom", label: "Updated from (UTC)", placeholder: "2024-03-01T00:00:00Z" },
  { name: "updatedTo", label: "Updated to (UTC)", placeholder: "2024-04-01T00:00:00Z" },
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
      {TEXT_FIELDS.map((field) => {
        const problem = PROBLEM_FIELD[field.name] ? undefined : problems[field.name];
        return (
          <Field key={field.name} problem={problem} problemId={`${field.name}-problem`}>
            {field.label}
            <input
              name={field.name}
              defaultValue={initial[field.name] ?? ""}
              placeholder={field.placeholder}
              onChange={(event) => change(field.name, event.target.value)}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${field.name}-problem` : undefined}
              className="mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm text-slate-900"
            />
          </Field>
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
        <select name="limit" defaultValue={initial.limit ?? DEFAULT_PAGE_SIZE} className="mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900">
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </Field>
      <div className="flex items-end gap-3 md:col-span-3">
        <button type="submit" disabled={hasProblems} className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-50">
          Show chats
        </button>
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
