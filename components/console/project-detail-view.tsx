"use client";

import Link from "next/link";
import { RetentionNote } from "@/components/directory/retention-note";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { ChatRowsTable } from "@/components/console/chat-rows-table";
import { DeleteAction } from "@/components/deletion/delete-action";
import { visibilityOf } from "@/components/console/projects-table";
import { useTimeFormat } from "@/components/layout/time-zone";
import { Button } from "@/components/ui/button";
import { Definition } from "@/components/ui/definition-list";
import { ErrorNotice } from "@/components/ui/error-notice";
import { RawJsonDisclosure } from "@/components/ui/raw-json";
import { EvidenceSection } from "@/components/layout/evidence-facts";
import { formatSize } from "@/components/files/format-size";
import { RevealedName } from "@/components/files/revealed-name";
import { Cell, DataTable, HeaderCell, TableBody, TableHead } from "@/components/ui/table";
import { projectChatsOptions, projectDetailOptions } from "@/lib/queries/console-queries";
import type { ProjectAttachment, ProjectChatPage, ProjectCollaborator, ProjectDetail } from "@/lib/schemas/console";

/** A project as a reviewer needs it: what it is, what it holds, who may use it, and its chats. */
export function ProjectDetailView({ projectId }: { projectId: string }) {
  const query = useQuery(projectDetailOptions(projectId));
  if (query.isPending) return <p className="text-sm text-slate-500">Loading the project…</p>;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  const { project, attachments, collaborators, projectJson } = query.data;
  return (
    <article className="space-y-8">
      <div>
        <ProjectHeader project={project} />
        <RawJsonDisclosure json={projectJson} summary="The project's raw JSON" />
      </div>
      <EvidenceSection title="Description">
        <PlainText text={project.description} empty="No description." />
      </EvidenceSection>
      <EvidenceSection title="Instructions">
        <PlainText text={project.instructions} empty="No custom instructions." />
      </EvidenceSection>
      <EvidenceSection
        title="Attachments"
        detail={` (${attachments.length}${project.attachmentsCount !== null && project.attachmentsCount !== attachments.length ? ` listed; the project says ${project.attachmentsCount}` : ""})`}
      >
        <AttachmentsTable attachments={attachments} projectId={projectId} />
      </EvidenceSection>
      <EvidenceSection title="Collaborators" detail={` (${collaborators.length})`}>
        <CollaboratorsTable collaborators={collaborators} />
      </EvidenceSection>
      <EvidenceSection title="Chats" detail={project.chatsCount !== null ? ` (the project counts ${project.chatsCount})` : undefined}>
        <ProjectChats projectId={projectId} />
      </EvidenceSection>
    </article>
  );
}

function ProjectHeader({ project }: { project: ProjectDetail["project"] }) {
  const { format } = useTimeFormat();
  return (
    <header className="border-b border-slate-200 pb-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{project.name || "(untitled)"}</h1>
        {project.deleted && <span className="rounded bg-rose-100 px-2 py-0.5 text-xs font-semibold text-rose-800">Deleted by user</span>}
        <div className="ml-auto">
          <DeleteAction target={{ kind: "project", id: project.id }} />
        </div>
      </div>
      {project.deleted && (
        <p className="mt-1 text-sm text-slate-600">
          A user deleted this project in claude.ai{project.deletedAt ? ` on ${format(project.deletedAt)}` : ""}; the API still serves it.
        </p>
      )}
      <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 text-xs text-slate-600 md:grid-cols-3">
        <Definition label="Created by">{project.owner?.email ?? project.owner?.id ?? "(no longer a member)"}</Definition>
        <Definition label="Visible to">{visibilityOf(project)}</Definition>
        <Definition label="Project id" mono>
          {project.id}
        </Definition>
        <Definition label="Created">{format(project.createdAt)}</Definition>
        <Definition label="Updated">{format(project.updatedAt)}</Definition>
        <Definition label="Organisation" mono>
          {project.organizationUuid ?? "—"}
        </Definition>
        <Definition label="Chats">{project.chatsCount ?? "—"}</Definition>
        <Definition label="Attachments">{project.attachmentsCount ?? "—"}</Definition>
      </dl>
      {project.organizationUuid && <RetentionNote orgUuid={project.organizationUuid} dataType="project" />}
    </header>
  );
}

/** Instructions are a prompt, not a document: shown exactly as written, as text. */
function PlainText({ text, empty }: { text: string | null; empty: string }) {
  if (!text) return <p className="text-sm italic text-slate-500">{empty}</p>;
  return (
    <pre
      tabIndex={0}
      className="max-h-96 overflow-auto whitespace-pre-wrap break-words rounded-md border border-slate-200 bg-white p-3 font-sans text-sm text-slate-900"
    >
      {text}
    </pre>
  );
}

const ATTACHMENT_VIEWS: Record<ProjectAttachment["kind"], { label: string; path: string | null; deletionKind: "file" | "project_document" | null }> = {
  project_file: { label: "File", path: "/files/", deletionKind: "file" },
  project_document: { label: "Document", path: "/project-documents/", deletionKind: "project_document" },
  unknown: { label: "Unknown kind", path: null, deletionKind: null },
};

/** Deleted from here, where the project is known: a project file's own metadata does not name it, and a hold on the project must be checked. */
function AttachmentsTable({ attachments, projectId }: { attachments: ProjectAttachment[]; projectId: string }) {
  const { format, zone } = useTimeFormat();
  if (attachments.length === 0) return <p className="text-sm text-slate-500">The project has no attachments.</p>;
  return (
    <DataTable>
      <TableHead>
        <HeaderCell>Name</HeaderCell>
        <HeaderCell>Kind</HeaderCell>
        <HeaderCell>Type</HeaderCell>
        <HeaderCell>Size</HeaderCell>
        <HeaderCell>MD5</HeaderCell>
        <HeaderCell>Added ({zone})</HeaderCell>
        <HeaderCell>
          <span className="sr-only">Actions</span>
        </HeaderCell>
      </TableHead>
      <TableBody>
        {attachments.map((attachment) => {
          const view = ATTACHMENT_VIEWS[attachment.kind];
          const name = <RevealedName name={attachment.filename || "(no name)"} />;
          return (
            <tr key={attachment.id}>
              <Cell>
                {view.path ? (
                  <Link
                    href={`${view.path}${encodeURIComponent(attachment.id)}`}
                    className="font-medium underline decoration-slate-300 hover:decoration-slate-900"
                  >
                    {name}
                  </Link>
                ) : (
                  name
                )}
              </Cell>
              <Cell className="text-xs">{view.path ? view.label : `${view.label} (${attachment.originalType})`}</Cell>
              <Cell mono>{attachment.mimeType ?? "—"}</Cell>
              <Cell mono>{formatSize(attachment.sizeBytes)}</Cell>
              <Cell mono>{attachment.md5 ?? "—"}</Cell>
              <Cell mono className="whitespace-nowrap">
                {format(attachment.createdAt)}
              </Cell>
              <Cell>
                {view.deletionKind && (
                  <DeleteAction target={{ kind: view.deletionKind, id: attachment.id, projectId }} label="Delete…" ariaLabel={`Delete ${name}`} quiet />
                )}
              </Cell>
            </tr>
          );
        })}
      </TableBody>
    </DataTable>
  );
}

function CollaboratorsTable({ collaborators }: { collaborators: ProjectCollaborator[] }) {
  const { format, zone } = useTimeFormat();
  if (collaborators.length === 0) return <p className="text-sm text-slate-500">No role assignments besides the creator&apos;s.</p>;
  return (
    <DataTable>
      <TableHead>
        <HeaderCell>Who</HeaderCell>
        <HeaderCell>Kind</HeaderCell>
        <HeaderCell>Role</HeaderCell>
        <HeaderCell>Granted ({zone})</HeaderCell>
      </TableHead>
      <TableBody>
        {collaborators.map((collaborator, index) => (
          <tr
            key={`${collaborator.type}-${collaborator.userId ?? collaborator.groupId ?? collaborator.organizationUuid ?? collaborator.organizationRole}-${index}`}
          >
            <Cell mono>{whoOf(collaborator)}</Cell>
            <Cell className="text-xs">{collaborator.type}</Cell>
            <Cell className="text-xs">{collaborator.role ?? "—"}</Cell>
            <Cell mono className="whitespace-nowrap">
              {format(collaborator.grantedAt)}
            </Cell>
          </tr>
        ))}
      </TableBody>
    </DataTable>
  );
}

function whoOf(collaborator: ProjectCollaborator): string {
  switch (collaborator.type) {
    case "user":
      return collaborator.userId ?? "(former member)";
    case "group":
      return collaborator.groupId ?? "—";
    case "organization":
      return `everyone in ${collaborator.organizationUuid ?? "the organisation"}`;
    case "organization_role":
      return `organisation role ${collaborator.organizationRole ?? "—"}`;
    default:
      return collaborator.userId ?? collaborator.groupId ?? collaborator.organizationUuid ?? collaborator.organizationRole ?? "—";
  }
}

function ProjectChats({ projectId }: { projectId: string }) {
  const query = useInfiniteQuery(projectChatsOptions(projectId));
  if (query.isPending) return <p className="text-sm text-slate-500">Looking for the project&apos;s chats…</p>;
  if (query.isLoadingError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  const chats = query.data.pages.flatMap((page) => page.chats);
  return (
    <div className="space-y-2">
      <CoverageNote coverage={query.data.pages[0]!.coverage} />
      <ChatRowsTable chats={chats} emptyText="No chat of these users is in this project." />
      {query.hasNextPage && (
        <Button onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage} variant="link">
          {query.isFetchingNextPage ? "Loading…" : "Load more chats"}
        </Button>
      )}
      {query.isFetchNextPageError && <ErrorNotice error={query.error} onRetry={() => void query.fetchNextPage()} />}
    </div>
  );
}

/** The API finds a project's chats only per user: the reviewer is told whose chats were looked through. */
function CoverageNote({ coverage }: { coverage: ProjectChatPage["coverage"] }) {
  const whose =
    coverage.scope === "organization"
      ? `the ${coverage.userCount} current members of the project's organisation`
      : `the project's creator and user collaborators (${coverage.userCount}); the organisation is too large to ask for every member's chats`;
  return (
    <p className="text-xs text-slate-600">
      The Compliance API lists a project&apos;s chats only per user. Shown: chats of {whose}, oldest first. Chats of people who have left the organisation
      cannot be found this way.
    </p>
  );
}
