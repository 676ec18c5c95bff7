/** Schemes a link in chat content may use; everything else (javascript:, data:, relative paths into the app) is shown as text. */
const LINK_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);
/** Image URLs are only ever displayed, never loaded, so only web URLs are worth showing. */
const WEB_PROTOCOLS = new Set(["http:", "https:"]);

function parseAbsolute(url: string): URL | null {
  try {
    return new URL(url.trim());
  } catch {
    return null;
  }
}

/** The URL to put in an href, or null when chat content must not link there. */
export function safeLinkHref(url: string): string | null {
  const parsed = parseAbsolute(url);
  return parsed && LINK_PROTOCOLS.has(parsed.protocol) ? parsed.href : null;
}

/** The image URL as text to show in place of the image, or null when it is not a web URL. */
export function displayableImageUrl(url: string): string | null {
  const parsed = parseAbsolute(url);
  return parsed && WEB_PROTOCOLS.has(parsed.protocol) ? parsed.href : null;
}
