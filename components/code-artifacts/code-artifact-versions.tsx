"use client";

import Link from "next/link";
import { useTimeFormat } from "@/components/layout/time-zone";
import { codeArtifactVersionHref } from "@/lib/console/code-artifact-filters";
import type { CodeArtifactSummary } from "@/lib/schemas/code-artifacts";

/** An artifact's retained versions, newest first, each a link to its source; the published one marked. */
export function CodeArtifactVersions({ artifact, compact = false }: { artifact: CodeArtifactSummary; compact?: boolean }) {
  const { format, formatCompact } = useTimeFormat();
  return (
    <ul className={compact ? "mt-1 space-y-0.5 text-xs" : "space-y-1 text-sm"}>
      {artifact.versions.map((version) => (
        <li key={version.id}>
          <Link href={codeArtifactVersionHref(artifact.id, version.id)} className="underline decoration-slate-300 hover:decoration-slate-900">
            {version.name ?? version.id}
          </Link>
          <span className="ml-2 text-xs text-slate-500">
            {version.createdAt ? (compact ? formatCompact : format)(version.createdAt) : "time not kept"}
            {version.id === artifact.publishedVersionId && " · published"}
          </span>
        </li>
      ))}
    </ul>
  );
}
