"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { UserLookup } from "@/components/console/user-lookup";
import { ControlsOnceHydrated } from "@/components/layout/hydration";
import { Button } from "@/components/ui/button";
import { DateTimeField } from "@/components/ui/date-time-field";
import { ErrorNotice } from "@/components/ui/error-notice";
import { Notice } from "@/components/ui/notice";
import { splitIds } from "@/lib/console/split-ids";
import { collectionKeys, createCollection } from "@/lib/queries/collection-queries";
import { organizationsOptions } from "@/lib/queries/console-queries";
import { CreateCollectionBody, MAX_COLLECTION_TEXT, type CollectionInclude } from "@/lib/schemas/collections";

const FIELD = "mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm font-normal";

const INCLUDES: Array<{ value: CollectionInclude; label: string }> = [
  { value: "chats", label: "Chats and their messages (the API's JSON and a Markdown transcript)" },
  { value: "files", label: "Uploaded files' bytes (MD5 checked)" },
  { value: "generated_files", label: "Files Claude generated" },
  { value: "artifacts", label: "Artifact versions" },
  { value: "project_documents", label: "Project documents" },
  { value: "sessions", label: "Sessions in Claude Code and Cowork (the API's JSON and a Markdown transcript)" },
];

type Range = { gte?: string; lt?: string };
const rangeOrUndefined = (range: Range) => (range.gte || range.lt ? range : undefined);

/**
 * Defines a collection: the matter, whose content (custodians, whole organisations, projects), over
 * which period, and what to include. The form is checked with the route's own schema before it is
 * sent; the server checks every id against the API as well.
 */
export function NewCollectionForm() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const ids = { matter: useId(), reference: useId(), users: useId(), projects: useId(), problems: useId() };
  const organizations = useQuery(organizationsOptions());
  const [matter, setMatter] = useState("");
  const [reference, setReference] = useState("");
  const [userText, setUserText] = useState("");
  const [projectText, setProjectText] = useState("");
  const [organizationIds, setOrganizationIds] = useState<string[]>([]);
  const [createdAt, setCreatedAt] = useState<Range>({});
  const [updatedAt, setUpdatedAt] = useState<Range>({});
  const [include, setInclude] = useState<CollectionInclude[]>(["chats", "files", "generated_files", "artifacts", "project_documents"]);
  const [problems, setProblems] = useState<string[]>([]);
  const create = useMutation({
    mutationFn: createCollection,
    onSuccess: ({ id }) => {
      void queryClient.invalidateQueries({ queryKey: collectionKeys.list() });
      router.push(`/collections/${id}`);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = CreateCollectionBody.safeParse({
      matter,
      reference,
      scope: { userIds: splitIds(userText), organizationIds, projectIds: splitIds(projectText) },
      createdAt: rangeOrUndefined(createdAt),
      updatedAt: rangeOrUndefined(updatedAt),
      include,
    });
    if (!parsed.success) {
      setProblems(parsed.error.issues.map((issue) => `${fieldName(issue.path)} ${issue.message}`));
      return;
    }
    setProblems([]);
    create.mutate(parsed.data);
  };
  const toggle = <T,>(list: T[], value: T, on: boolean) => (on ? [...list, value] : list.filter((item) => item !== value));
  const addUser = (userId: string) =>
    setUserText((previous) => [...splitIds(previous), userId].filter((id, index, all) => all.indexOf(id) === index).join("\n"));

  return (
    <form onSubmit={submit} aria-label="New collection" aria-describedby={problems.length > 0 ? ids.problems : undefined} className="space-y-6">
      <ControlsOnceHydrated className="space-y-6">
        <fieldset className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-2">
          <legend className="px-1 text-sm font-semibold">Matter</legend>
          <label htmlFor={ids.matter} className="text-sm font-semibold">
            Matter name
            <input
              id={ids.matter}
              value={matter}
              maxLength={MAX_COLLECTION_TEXT}
              required
              onChange={(event) => setMatter(event.target.value)}
              className={FIELD}
            />
          </label>
          <label htmlFor={ids.reference} className="text-sm font-semibold">
            Reference (case or ticket number)
            <input
              id={ids.reference}
              value={reference}
              maxLength={MAX_COLLECTION_TEXT}
              required
              onChange={(event) => setReference(event.target.value)}
              className={FIELD}
            />
          </label>
        </fieldset>

        <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <legend className="px-1 text-sm font-semibold">Whose content</legend>
          <div className="grid gap-3 md:grid-cols-2">
            <label htmlFor={ids.users} className="text-sm font-semibold">
              Custodians (user ids, one per line): their chats
              <textarea
                id={ids.users}
                value={userText}
                placeholder="user_01…"
                rows={3}
                spellCheck={false}
                onChange={(event) => setUserText(event.target.value)}
                className={`${FIELD} font-mono`}
              />
            </label>
            <label htmlFor={ids.projects} className="text-sm font-semibold">
              Projects (ids, one per line): their documents and members&apos; chats in them
              <textarea
                id={ids.projects}
                value={projectText}
                placeholder="claude_proj_01…"
                rows={3}
                spellCheck={false}
                onChange={(event) => setProjectText(event.target.value)}
                className={`${FIELD} font-mono`}
              />
            </label>
          </div>
          <UserLookup onFound={addUser} addLabel="Add to the custodians" />
          <fieldset>
            <legend className="text-sm font-semibold">Whole organisations</legend>
            {organizations.isError ? (
              <ErrorNotice error={organizations.error} onRetry={() => void organizations.refetch()} />
            ) : (
              <div className="mt-1 flex flex-wrap gap-4 text-sm">
                {organizations.data?.organizations.map((organization) => (
                  <label key={organization.uuid} className="flex items-center gap-2">
                    <input
                      type="checkbox"
                      checked={organizationIds.includes(organization.uuid)}
                      onChange={(event) => setOrganizationIds(toggle(organizationIds, organization.uuid, event.target.checked))}
                    />
                    {organization.name}
                  </label>
                ))}
              </div>
            )}
          </fieldset>
        </fieldset>

        <fieldset className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-2">
          <legend className="px-1 text-sm font-semibold">When (optional; a start is included, an end is not)</legend>
          <DateTimeField name="created_gte" label="Created from" defaultValue={undefined} onChange={(gte) => setCreatedAt({ ...createdAt, gte })} />
          <DateTimeField name="created_lt" label="Created before" defaultValue={undefined} onChange={(lt) => setCreatedAt({ ...createdAt, lt })} />
          <DateTimeField name="updated_gte" label="Updated from" defaultValue={undefined} onChange={(gte) => setUpdatedAt({ ...updatedAt, gte })} />
          <DateTimeField name="updated_lt" label="Updated before" defaultValue={undefined} onChange={(lt) => setUpdatedAt({ ...updatedAt, lt })} />
        </fieldset>

        <fieldset className="rounded-lg border border-slate-200 bg-white p-4">
          <legend className="px-1 text-sm font-semibold">What to include</legend>
          <div className="grid gap-2 text-sm md:grid-cols-2">
            {INCLUDES.map((option) => (
              <label key={option.value} className="flex items-start gap-2">
                <input
                  type="checkbox"
                  className="mt-1"
                  checked={include.includes(option.value)}
                  onChange={(event) => setInclude(toggle(include, option.value, event.target.checked))}
                />
                <span>{option.label}</span>
              </label>
            ))}
          </div>
        </fieldset>

        {problems.length > 0 && (
          <Notice tone="error" label="The collection cannot start yet">
            <ul id={ids.problems} className="list-inside list-disc">
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </Notice>
        )}
        {create.error && <ErrorNotice error={create.error} />}
        <div className="flex items-center gap-3">
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? "Checking the scope…" : "Start the collection"}
          </Button>
          <span className="text-xs text-slate-600">Docket checks every id with the Compliance API, then the worker collects in the background.</span>
        </div>
      </ControlsOnceHydrated>
    </form>
  );
}

const FIELD_NAMES: Record<string, string> = {
  matter: "The matter name",
  reference: "The reference",
  scope: "The scope",
  userIds: "A custodian",
  organizationIds: "An organisation",
  projectIds: "A project",
  createdAt: "The created range",
  updatedAt: "The updated range",
  include: "What to include",
};

/** The field an issue is about, in the form's words. */
function fieldName(path: PropertyKey[]): string {
  const named = [...path].reverse().find((part) => typeof part === "string" && part in FIELD_NAMES);
  return typeof named === "string" ? FIELD_NAMES[named]! : "The form";
}
