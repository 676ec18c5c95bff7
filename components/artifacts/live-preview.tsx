"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { EvidenceSection } from "@/components/layout/evidence-facts";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/error-notice";
import { RENDER_ARTIFACT, RENDERER_PATH, RENDERER_READY } from "@/lib/artifact-sandbox/renderer-page";
import type { ArtifactKind } from "@/lib/artifacts/artifact-kind";
import { artifactPreviewSourceOptions } from "@/lib/queries/artifact-queries";
import type { ArtifactVersionView } from "@/lib/schemas/artifacts";

/**
 * Runs an HTML or SVG artifact only when the reviewer asks, and never on Docket's origin: the frame
 * loads the renderer from the sandbox origin (another site, so no Docket cookie goes there), its
 * sandbox attribute and the renderer's own CSP make its origin opaque, and that CSP forbids any
 * network access. Docket reads the artifact through its audited route and hands the text over by
 * postMessage to the frame it created, once that frame says it is ready.
 */
export function LivePreview({
  view,
  kind,
  sandboxOrigin,
}: {
  view: ArtifactVersionView;
  kind: Extract<ArtifactKind, "html" | "svg">;
  sandboxOrigin: string | null;
}) {
  const [isRunning, setIsRunning] = useState(false);
  const refusal =
    sandboxOrigin === null
      ? "Not available: this Docket has no artifact sandbox origin (DOCKET_ARTIFACT_SANDBOX_URL), and Docket never runs an artifact on its own origin."
      : view.content.cut
        ? "Not available: the artifact is larger than Docket shows, and part of it would not be the artifact."
        : view.integrity.outcome === "mismatch"
          ? "Not available: the content does not match its MD5, and Docket does not run what it cannot vouch for."
          : null;
  return (
    <EvidenceSection title="Live preview">
      <p className="mb-2 text-sm text-slate-700">
        The preview runs the artifact&apos;s own code, as its author saw it, in an isolated frame on a separate origin: it cannot reach the network,
        Docket&apos;s pages or your session, and anything it tries to load from elsewhere is blocked, so it may look incomplete. Each preview is recorded in the
        audit log.
      </p>
      {refusal !== null || sandboxOrigin === null ? (
        <p className="text-sm text-slate-600">{refusal}</p>
      ) : isRunning ? (
        <div className="space-y-2">
          <Button onClick={() => setIsRunning(false)}>Stop preview</Button>
          <SandboxedArtifact view={view} kind={kind} rendererUrl={`${sandboxOrigin}${RENDERER_PATH}`} />
        </div>
      ) : (
        <Button onClick={() => setIsRunning(true)} variant="primary">
          Run live preview
        </Button>
      )}
    </EvidenceSection>
  );
}

function SandboxedArtifact({ view, kind, rendererUrl }: { view: ArtifactVersionView; kind: "html" | "svg"; rendererUrl: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const source = useQuery(artifactPreviewSourceOptions(view.artifact.versionId));
  const text = source.data;

  useEffect(() => {
    if (text === undefined) return;
    const onMessage = (event: MessageEvent<unknown>) => {
      const renderer = frame.current?.contentWindow;
      // The renderer's origin is opaque ("null"), so it is recognised as the window of this very frame.
      if (!renderer || event.source !== renderer || event.origin !== "null") return;
      if ((event.data as { type?: unknown } | null)?.type !== RENDERER_READY) return;
      // An opaque origin cannot be named as a target; the message goes to this frame's window only,
      // and the page's frame-src keeps that window on the renderer.
      renderer.postMessage({ type: RENDER_ARTIFACT, kind, text }, "*");
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, [text, kind]);

  if (source.isPending) return <p className="text-sm text-slate-500">Loading the artifact for the preview…</p>;
  if (source.isError) return <ErrorNotice error={source.error} onRetry={() => void source.refetch()} />;
  return (
    <iframe
      ref={frame}
      title={`Live preview of ${view.artifact.title ?? view.artifact.versionId}`}
      src={rendererUrl}
      sandbox="allow-scripts"
      referrerPolicy="no-referrer"
      className="h-[32rem] w-full rounded-md border border-slate-300 bg-white"
    />
  );
}
