/**
 * How Docket shows each artifact type. Types are the API's MIME-like strings; an unknown or missing
 * type is shown as plain text. Client-safe: the preview route uses the same table to decide what it serves.
 */

export type ArtifactKind = "markdown" | "code" | "html" | "svg" | "react" | "text";

const KINDS: ReadonlyMap<string, ArtifactKind> = new Map([
  ["text/markdown", "markdown"],
  ["application/vnd.ant.code", "code"],
  ["text/html", "html"],
  ["image/svg+xml", "svg"],
  ["application/vnd.ant.react", "react"],
]);

export function artifactKindOf(artifactType: string | null): ArtifactKind {
  return (artifactType !== null && KINDS.get(artifactType.toLowerCase())) || "text";
}

/** HTML and SVG run in the sandboxed preview; React would need a runtime Docket does not host. */
export function hasLivePreview(kind: ArtifactKind): kind is "html" | "svg" {
  return kind === "html" || kind === "svg";
}

/** The media type the sandboxed preview is served with, so the browser renders it as the artifact's own kind. */
export const PREVIEW_MEDIA_TYPES: Record<"html" | "svg", string> = {
  html: "text/html; charset=utf-8",
  svg: "image/svg+xml; charset=utf-8",
};

/** Where the artifact page reads an HTML or SVG version's exact text for the sandbox renderer (audited). */
export const artifactPreviewUrl = (versionId: string) => `/api/artifacts/${encodeURIComponent(versionId)}/preview`;

/** Where a version's whole text is served as an attachment, MD5-checked on the way. */
export const artifactDownloadUrl = (versionId: string) => `/api/artifacts/${encodeURIComponent(versionId)}/download`;

/** Languages the highlighter knows, by file extension: code artifacts carry their language only in the title. */
const LANGUAGES_BY_EXTENSION: ReadonlyMap<string, string> = new Map([
  ["c", "c"],
  ["h", "c"],
  ["cpp", "cpp"],
  ["cc", "cpp"],
  ["hpp", "cpp"],
  ["css", "css"],
  ["go", "go"],
  ["graphql", "graphql"],
  ["html", "markup"],
  ["js", "javascript"],
  ["mjs", "javascript"],
  ["cjs", "javascript"],
  ["json", "json"],
  ["jsx", "jsx"],
  ["kt", "kotlin"],
  ["md", "markdown"],
  ["m", "objectivec"],
  ["py", "python"],
  ["rs", "rust"],
  ["sql", "sql"],
  ["svg", "markup"],
  ["swift", "swift"],
  ["ts", "typescript"],
  ["tsx", "tsx"],
  ["xml", "markup"],
  ["yaml", "yaml"],
  ["yml", "yaml"],
]);

/** The highlighting language for an artifact's source; "text" when nothing says. */
export function sourceLanguageOf(kind: ArtifactKind, title: string | null): string {
  switch (kind) {
    case "html":
    case "svg":
      return "markup";
    case "react":
      return "jsx";
    case "markdown":
      return "markdown";
    case "code": {
      const extension = /\.([A-Za-z0-9]+)$/.exec(title ?? "")?.[1]?.toLowerCase();
      return (extension && LANGUAGES_BY_EXTENSION.get(extension)) || "text";
    }
    case "text":
      return "text";
  }
}
