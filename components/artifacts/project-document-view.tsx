"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { SourceText } from "@/components/artifacts/artifact-source";
import { EvidenceSection } from "@/components/layout/evidence-facts";
import { DisplayedTextNotes, IntegrityFacts, IntegrityNotice } from "@/components/artifacts/integrity-notice";
import { DeleteAction } from "@/components/deletion/delete-action";
import { useTimeFormat } from "@/components/layout/time-zone";
import { Definition, DefinitionList } from "@/components/ui/definition-list";
import { ErrorNotice } from "@/components/ui/error-notice";
import { projectDocumentOptions } from "@/lib/queries/artifact-queries";

/** A project document as evidence: its facts, its MD5 check and its text, exactly as stored. */
export function ProjectDocumentView({ documentId }: { documentId: string }) {
  const { format } = useTimeFormat();
  const titleId = useId();
  const query = useQuery(projectDocumentOptions(documentId));
  if (query.isPending) return <p className="text-sm text-slate-500">Loading the document…</p>;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  const { document, content, integrity } = query.data;
  return (
    <article aria-labelledby={titleId} className="space-y-6">
      <header className="border-b border-slate-200 pb-3">
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Project document</p>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 id={titleId} className="break-words text-2xl font-semibold">
            {document.filename || "(no name)"}
          </h1>
          <DeleteAction target={{ kind: "project_document", id: document.id, ...(document.projectId ? { projectId: document.projectId } : {}) }} />
        </div>
        <DefinitionList>
          <Definition label="Project" mono>
            {document.projectId ? (
              <Link href={`/projects/${encodeURIComponent(document.projectId)}`} className="underline">
                {document.projectId}
              </Link>
            ) : (
              "—"
            )}
          </Definition>
          <Definition label="Added by">{document.createdBy?.email ?? document.createdBy?.id ?? "(no longer a member)"}</Definition>
          <Definition label="Added">{format(document.createdAt)}</Definition>
          <Definition label="Type" mono>
            {document.mimeType ?? "—"}
          </Definition>
          <Definition label="Document id" mono>
            {document.id}
          </Definition>
          <IntegrityFacts integrity={integrity} />
        </DefinitionList>
      </header>
      <IntegrityNotice integrity={integrity} />
      <EvidenceSection title="Content">
        <div className="space-y-2">
          <p className="text-xs text-slate-600">Shown as plain text, exactly as stored: nothing in it is formatted, loaded or run.</p>
          <DisplayedTextNotes content={content} />
          {content.text === "" ? <p className="text-sm italic text-slate-500">The document is empty.</p> : <SourceText text={content.text} language="text" />}
        </div>
      </EvidenceSection>
    </article>
  );
}
