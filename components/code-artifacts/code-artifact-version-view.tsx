"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { SourceText } from "@/components/artifacts/artifact-source";
import { DisplayedTextNotes, IntegrityFacts, IntegrityNotice } from "@/components/artifacts/integrity-notice";
import { EvidenceSection } from "@/components/layout/evidence-facts";
import { Definition, DefinitionList } from "@/components/ui/definition-list";
import { ErrorNotice } from "@/components/ui/error-notice";
import { codeArtifactVersionOptions } from "@/lib/queries/code-artifact-queries";

/**
 * One version of a Claude Code artifact: its HTML as text, with the MD5 the API sent checked. Docket
 * shows an app's code; it does not run it.
 */
export function CodeArtifactVersionView({ artifactId, versionId }: { artifactId: string; versionId: string }) {
  const query = useQuery(codeArtifactVersionOptions(artifactId, versionId));
  return (
    <article className="space-y-6">
      <header className="border-b border-slate-200 pb-3">
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Claude Code artifact version</p>
        <h1 className="break-all text-2xl font-semibold">{query.data?.filename ?? versionId}</h1>
        <DefinitionList>
          <Definition label="Artifact id" mono>
            {artifactId}
          </Definition>
          <Definition label="Version id" mono>
            {versionId}
          </Definition>
          {query.data && (
            <Definition label="Content type" mono>
              {query.data.contentType ?? "—"}
            </Definition>
          )}
        </DefinitionList>
        <p className="mt-2 text-sm">
          <Link href={`/code-artifacts/${encodeURIComponent(artifactId)}`} className="underline">
            The artifact and its versions
          </Link>
        </p>
      </header>
      {query.isPending && <p className="text-sm text-slate-500">Reading the version from the Compliance API…</p>}
      {query.isError && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <>
          <IntegrityNotice integrity={query.data.integrity} />
          <EvidenceSection title="Source">
            <p className="mb-2 text-xs text-slate-600">The app&apos;s code as published, shown as text: Docket does not run it.</p>
            <DisplayedTextNotes content={query.data.content} />
            <SourceText text={query.data.content.text} language="html" />
          </EvidenceSection>
          <EvidenceSection title="Integrity">
            <IntegrityFacts integrity={query.data.integrity} />
          </EvidenceSection>
        </>
      )}
    </article>
  );
}
