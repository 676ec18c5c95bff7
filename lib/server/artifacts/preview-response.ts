import "server-only";
import { RENDERER_PATH } from "@/lib/artifact-sandbox/renderer-page";
import { getServerEnv } from "@/lib/server/env";
import type { ArtifactPreview } from "./get-artifact-preview";

/**
 * The artifact's own bytes, which the artifact page reads and hands to the sandbox renderer. They are
 * never meant to be displayed from here: they go out as a plain-text attachment, so a browser that
 * opens the URL directly saves them rather than renders them on Docket's origin, and in case one ever
 * did, they also get an opaque origin (the CSP sandbox), no network at all, and may be framed by no one.
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
  "frame-ancestors 'none'",
].join("; ");

const PREVIEW_HEADERS = {
  "content-security-policy": PREVIEW_CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cross-origin-resource-policy": "same-origin",
  "cache-control": "no-store",
};

const PREVIEW_EXTENSION: Record<string, string> = { "text/html": ".html", "image/svg+xml": ".svg" };

const REFUSAL_STATUS: Record<Extract<ArtifactPreview, { kind: "refused" }>["reason"], number> = {
  not_previewable: 404,
  too_large: 422,
  integrity: 502,
};

export function toPreviewResponse(preview: ArtifactPreview): Response {
  if (preview.kind === "refused") {
    return new Response(preview.message, {
      status: REFUSAL_STATUS[preview.reason],
      headers: { ...PREVIEW_HEADERS, "content-type": "text/plain; charset=utf-8" },
    });
  }
  return new Response(new Uint8Array(preview.body), {
    status: 200,
    headers: {
      ...PREVIEW_HEADERS,
      "content-type": "text/plain; charset=utf-8",
      "content-disposition": `attachment; filename="artifact-preview${PREVIEW_EXTENSION[preview.mediaType.split(";")[0]!.trim()] ?? ""}.txt"`,
      "x-docket-artifact-type": preview.mediaType,
    },
  });
}

/**
 * The Content-Security-Policy of the page that frames a preview: its frame may load the sandbox
 * renderer and nothing else. The frame's sandbox cannot stop it from navigating itself (a link, a script
 * setting location, a meta refresh), and the renderer's own CSP has no say over navigation; the framing
 * page's frame-src is what keeps such a navigation from telling anyone outside that the artifact was
 * opened, and keeps the frame on the renderer that Docket's messages are meant for.
 */
export function framingPagePolicy(): string {
  const sandboxOrigin = getServerEnv().DOCKET_ARTIFACT_SANDBOX_URL;
  return sandboxOrigin ? `frame-src ${sandboxOrigin}${RENDERER_PATH}` : "frame-src 'none'";
}
