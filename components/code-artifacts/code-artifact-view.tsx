"use client";

import { useQuery } from "@tanstack/react-query";
import { DeleteAction } from "@/components/deletion/delete-action";
import { EvidenceSection } from "@/components/layout/evidence-facts";
import { useTimeFormat } from "@/components/layout/time-zone";
import { Definition, DefinitionList } from "@/components/ui/definition-list";
import { ErrorNotice } from "@/components/ui/error-notice";
import { RawJsonDisclosure } from "@/components/ui/raw-json";
import { codeArtifactOptions } from "@/lib/queries/code-artifact-queries";
import { readModeInWords } from "@/lib/schemas/code-artifacts";
import { CodeArtifactVersions } from "./code-artifact-versions";

/** A Claude Code artifact: who owns it, who may open it, its retained versions, and its deletion. */
export function CodeArtifactView({ artifactId }: { artifactId: string }) {
  const { format } = useTimeFormat();
  const query = useQuery(codeArtifactOptions(artifactId));
  if (query.isPending) return <p className="text-sm text-slate-500">Looking for the artifact in the Compliance API&apos;s listing…</p>;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  const artifact = query.data;
  const published = artifact.versions.find((version) => version.id === artifact.publishedVersionId) ?? artifact.versions[0];
  return (
    <article className="space-y-6">
      <header className="border-b border-slate-200 pb-3">
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Claude Code artifact</p>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 className="break-all text-2xl font-semibold">{published?.name ?? artifact.id}</h1>
          <DeleteAction target={{ kind: "code_artifact", id: artifact.id }} />
        </div>
        <DefinitionList>
          <Definition label="Owner" mono>
            {artifact.ownerEmail ?? artifact.ownerUserId ?? "an agent session"}
          </Definition>
          <Definition label="Who can open it">{readModeInWords(artifact.readMode)}</Definition>
          <Definition label="Organisation" mono>
            {artifact.organizationUuid ?? "—"}
          </Definition>
          <Definition label="Updated">{artifact.updatedAt ? format(artifact.updatedAt) : "not recorded"}</Definition>
          <Definition label="Artifact id" mono>
            {artifact.id}
          </Definition>
        </DefinitionList>
        <RawJsonDisclosure json={artifact.rawJson} summary="Raw JSON as listed" />
      </header>
      <EvidenceSection title="Versions" detail={` (${artifact.versions.length}; the API keeps about the latest 20)`}>
        <CodeArtifactVersions artifact={artifact} />
      </EvidenceSection>
    </article>
  );
}
