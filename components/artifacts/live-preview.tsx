"use client";

import { useState } from "react";
import { EvidenceSection } from "@/components/layout/evidence-facts";
import { artifactPreviewUrl } from "@/lib/artifacts/artifact-kind";
import type { ArtifactVersionView } from "@/lib/schemas/artifacts";

/**
 * Runs an HTML or SVG artifact only when the reviewer asks. The frame's sandbox keeps it in an opaque
 * origin without same-origin rights, and the preview response's own CSP forbids any network access and
 * sandboxes it again, so it can neither read Docket's session nor reach anything, even opened directly.
 */
export function LivePreview({ view }: { view: ArtifactVersionView }) {
  const [isRunning, setIsRunning] = useState(false);
  const refusal = view.content.cut
    ? "Not available: the artifact is larger than Docket shows, and part of it would not be the artifact."
    : view.integrity.outcome === "mismatch"
      ? "Not available: the content does not match its MD5, and Docket does not run what it cannot vouch for."
      : null;
  return (
    <EvidenceSection title="Live preview">
      <p className="mb-2 text-sm text-slate-700">
        The preview runs the artifact&apos;s own code, as its author saw it, in an isolated frame: it cannot reach the network, Docket&apos;s pages or
        your session, and anything it tries to load from elsewhere is blocked, so it may look incomplete. Each preview is recorded in the audit
        log.
      </p>
      {refusal ? (
        <p className="text-sm text-slate-600">{refusal}</p>
      ) : isRunning ? (
        <div className="space-y-2">
          <button type="button" onClick={() => setIsRunning(false)} className="rounded border border-slate-300 bg-white px-3 py-1 text-sm font-semibold hover:bg-slate-100">
            Stop preview
          </button>
          <iframe
            title={`Live preview of ${view.artifact.title ?? view.artifact.versionId}`}
            src={artifactPreviewUrl(view.artifact.versionId)}
            sandbox="allow-scripts"
            referrerPolicy="no-referrer"
            className="h-[32rem] w-full rounded-md border border-slate-300 bg-white"
          />
        </div>
      ) : (
        <button type="button" onClick={() => setIsRunning(true)} className="rounded bg-slate-900 px-3 py-1 text-sm font-semibold text-white hover:bg-slate-700">
          Run live preview
        </button>
      )}
    </EvidenceSection>
  );
}
