import "server-only";
import { artifactPreviewUrl } from "@/lib/artifacts/artifact-kind";
import { getServerEnv } from "@/lib/server/env";
import type { ArtifactPreview } from "./get-artifact-preview";

/**
 * The preview runs artifact code, so it gets an opaque origin even when opened directly (the CSP
 * sandbox, not only the iframe's attribute), no network at all, and may be framed by Docket alone.
 */
export const PREVIEW_CONTENT_SECURITY_POLICY = [
  "sandbox allow-scripts",
  "default-src 'none'",
  "script-src 'unsafe-inline'",
  "style-src 'unsafe-inline'",
  "img-src data: blob:",
  "connect-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
].join("; ");

const PREVIEW_HEADERS = {
  "content-security-policy": PREVIEW_CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cross-origin-resource-policy": "same-origin",
  "cache-control": "no-store",
};

const REFUSAL_STATUS: Record<Extract<ArtifactPreview, { kind: "refused" }>["reason"], number> = {
  not_previewable: 404,
  too_large: 422,
  integrity: 502,
};

export function toPreviewResponse(preview: ArtifactPreview): Response {
  if (preview.kind === "refused") {
    return new Response(preview.message, { status: REFUSAL_STATUS[preview.reason], headers: { ...PREVIEW_HEADERS, "content-type": "text/plain; charset=utf-8" } });
  }
  return new Response(new Uint8Array(preview.body), { status: 200, headers: { ...PREVIEW_HEADERS, "content-type": preview.mediaType } });
}

/**
 * The Content-Security-Policy of the page that frames a preview: its frame may load that one preview
 * and nothing else. The frame's sandbox cannot stop it from navigating itself (a link, a script setting
 * location, a meta refresh), and the preview's own CSP has no say over navigation; the framing page's
 * frame-src is what keeps such a navigation from telling anyone outside that the artifact was opened.
 */
export function framingPagePolicy(versionId: string): string {
  return `frame-src ${new URL(artifactPreviewUrl(versionId), getServerEnv().NEXTAUTH_URL).href}`;
}
