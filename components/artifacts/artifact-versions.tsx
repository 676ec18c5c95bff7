"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { EvidenceSection } from "@/components/layout/evidence-facts";
import { VersionDiff } from "@/components/artifacts/version-diff";
import { useTimeFormat } from "@/components/layout/time-zone";
import { ErrorNotice } from "@/components/ui/error-notice";
import { artifactVersionsOptions } from "@/lib/queries/artifact-queries";
import { threadHref } from "@/lib/thread/thread-href";

/** Every version of the artifact in its chat, oldest first, each linked to its view and to its message. */
export function ArtifactVersions({ versionId }: { versionId: string }) {
  const { format } = useTimeFormat();
  const query = useQuery(artifactVersionsOptions(versionId));
  if (query.isPending) {
    return (
      <EvidenceSection title="Versions">
        <p className="text-sm text-slate-500">Reading the chat for the artifact&apos;s versions…</p>
      </EvidenceSection>
    );
  }
  if (query.isError) {
    return (
      <EvidenceSection title="Versions">
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
      </EvidenceSection>
    );
  }
  const { chatId, versions, messagesRead, complete } = query.data;
  const isListed = versions.some((version) => version.versionId === versionId);
  return (
    <EvidenceSection title={`Versions (${versions.length}${complete ? "" : " found so far"})`}>
      {chatId === null && (
        <p className="text-sm text-slate-600">The API does not say which chat this artifact belongs to, so its other versions cannot be found.</p>
      )}
      {chatId !== null && !complete && (
        <p role="note" className="mb-2 rounded border border-amber-300 bg-amber-50 px-3 py-1 text-sm text-amber-900">
          Docket read the first {messagesRead.toLocaleString("en-GB")} messages of the chat and stopped there: later versions may exist.
        </p>
      )}
      {chatId !== null && !isListed && complete && <p className="mb-2 text-sm text-slate-600">This version is not listed on any message of the chat.</p>}
      {versions.length > 0 && (
        <ol className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white text-sm">
          {versions.map((version, index) => {
            const isCurrent = version.versionId === versionId;
            return (
              <li key={version.versionId} className={`flex flex-wrap items-baseline gap-x-4 px-3 py-1.5 ${isCurrent ? "bg-sky-50" : ""}`}>
                {/* A full page load, not client navigation: each artifact page carries its own framing policy (one preview URL), and a document keeps every policy it ever had. */}
                <Link
                  href={`/artifacts/${encodeURIComponent(version.versionId)}`}
                  aria-current={isCurrent ? "page" : undefined}
                  className="font-semibold underline decoration-slate-300 hover:decoration-slate-900"
                >
                  Version {index + 1}
                </Link>
                {isCurrent && <span className="text-xs font-semibold text-sky-800">shown above</span>}
                <time dateTime={version.createdAt} className="font-mono text-xs text-slate-600">
                  {format(version.createdAt)}
                </time>
                <span className="text-xs text-slate-700">{version.title ?? "(untitled)"}</span>
                {chatId && (
                  <Link href={threadHref(chatId, { messageId: version.messageId })} className="ml-auto text-xs underline">
                    Message in the chat
                  </Link>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {versions.length >= 2 && <VersionDiff versions={versions} currentVersionId={versionId} />}
    </EvidenceSection>
  );
}
