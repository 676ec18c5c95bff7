/**
 * The one page the artifact sandbox origin serves: an empty document that waits for one artifact from
 * the Docket page that frames it and writes it into itself. It runs on an origin of its own (another
 * site than Docket's, so the browser holds no Docket cookie for it), and its CSP sandboxes it again,
 * so even opened directly its origin is opaque. Nothing here may depend on Docket's code: this file
 * is served by a separate process.
 */

/** The renderer's path on the sandbox origin. */
export const RENDERER_PATH = "/renderer";

/** Messages between the framing page and the renderer; both sides check the shape before acting. */
export const RENDERER_READY = "docket:artifact-renderer-ready";
export const RENDER_ARTIFACT = "docket:render-artifact";

export function rendererContentSecurityPolicy(appOrigin: string): string {
  return [
    "sandbox allow-scripts",
    "default-src 'none'",
    "script-src 'unsafe-inline'",
    "style-src 'unsafe-inline'",
    "img-src data: blob:",
    "font-src data:",
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
    `frame-ancestors ${appOrigin}`,
  ].join("; ");
}

/**
 * The renderer takes the first well-formed message from its parent, and only when it comes from
 * Docket's origin: any other window (the artifact itself, once written, or a page that opened the
 * renderer) is ignored. Writing the artifact replaces this document, its listener included, so one
 * renderer shows one artifact.
 */
export function rendererPage(appOrigin: string): string {
  // JSON inside a script element: "<" is escaped so no value can close the element.
  const constants = JSON.stringify({ appOrigin, ready: RENDERER_READY, render: RENDER_ARTIFACT }).replace(/</g, "\\u003c");
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Artifact preview</title></head>
<body>
<script>
(function () {
  var constants = ${constants};
  var rendered = false;
  window.addEventListener("message", function (event) {
    if (rendered || event.origin !== constants.appOrigin || event.source !== window.parent) return;
    var message = event.data;
    if (!message || message.type !== constants.render || typeof message.text !== "string" || (message.kind !== "html" && message.kind !== "svg")) return;
    rendered = true;
    var page = message.kind === "svg" ? '<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0">' + message.text + "</body></html>" : message.text;
    document.open();
    document.write(page);
    document.close();
  });
  window.parent.postMessage({ type: constants.ready }, constants.appOrigin);
})();
</script>
</body></html>
`;
}
