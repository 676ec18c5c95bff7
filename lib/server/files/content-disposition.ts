import "server-only";

/**
 * Download names are chosen by whoever uploaded the file, so they are attacker-controlled: they may
 * carry path components, quotes and semicolons that end a header parameter, CR/LF, bidi overrides that
 * disguise an extension, or characters that a Fetch `Headers` object refuses (anything above 0xFF).
 * The name is first made harmless as a file name, then written into the header in encoded forms only
 * (RFC 6266 with an RFC 5987 `filename*`), so no input can add a header or a parameter.
 */

/**
 * The longest name handed to a browser, in UTF-8 bytes: well under the 255-byte limit of common file
 * systems, leaving room for the " (1)" and temporary suffixes browsers add while saving.
 */
export const MAX_FILENAME_BYTES = 150;

/** A dot and up to this many characters after it are kept whole when a long name is shortened. */
const MAX_EXTENSION_LENGTH = 16;

/** Runs of C0 and C1 control characters, DEL, and the line and paragraph separators. */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
/** Bidi marks, embeddings, overrides and isolates: they can make "invoice\u202Efdp.exe" read as "invoiceexe.pdf". */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Half of a surrogate pair without its other half: not encodable as UTF-8. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/**
 * Characters that end a quoted-string or a parameter in naive parsers, or that Windows forbids in file
 * names (browsers replace those themselves, each in its own way: replacing them here makes the saved
 * name the one Docket shows).
 */
const UNSAFE_CHARACTERS = /[";<>:|?*]/g;

const graphemes = new Intl.Segmenter("und", { granularity: "grapheme" });

/**
 * The name a download is saved under: the last path segment, control characters turned into a space
 * and bidi characters removed,
 * with quotes, semicolons and the characters Windows forbids replaced, in NFC, at most MAX_FILENAME_BYTES long (the extension kept), or `fallback`
 * when nothing usable is left. Applying it twice changes nothing.
 */
export function sanitizeFilename(name: string | null, fallback: string): string {
  // Invisible characters go before normalising: removing one later could leave letters that compose.
  const lastSegment = (name ?? "")
    .replace(LONE_SURROGATE, "\ufffd")
    // A line break or tab separates words: a space keeps them apart in the saved name.
    .replace(CONTROL_CHARACTERS, " ")
    .replace(BIDI_CONTROLS, "")
    .normalize("NFC")
    .split(/[/\\]/)
    .filter((segment) => segment.trim() !== "")
    .at(-1);
  // "." and ".." trim to nothing, like any name of dots and spaces only.
  const trimmed = trimName((lastSegment ?? "").replace(UNSAFE_CHARACTERS, "_"));
  return trimmed === "" ? fallback : shorten(trimmed);
}

/** Leading and trailing white space, and trailing dots (Windows drops them, so "a.exe." would save as "a.exe"). */
function trimName(name: string): string {
  return name.trim().replace(/[.\s]+$/u, "");
}

function utf8Length(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** Cuts the part before the extension on grapheme boundaries, so no emoji or accented letter is split. */
function shorten(name: string): string {
  if (utf8Length(name) <= MAX_FILENAME_BYTES) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 && name.length - dot <= MAX_EXTENSION_LENGTH ? name.slice(dot) : "";
  const budget = MAX_FILENAME_BYTES - utf8Length(extension);
  let stem = "";
  for (const { segment } of graphemes.segment(name.slice(0, name.length - extension.length))) {
    if (utf8Length(stem) + utf8Length(segment) > budget) break;
    stem += segment;
  }
  return `${trimName(stem)}${extension}`;
}

/**
 * A printable-ASCII stand-in for clients that ignore `filename*` (RFC 6266 appendix D): accents
 * dropped, other characters replaced, and no quote, backslash or percent sign, which such clients
 * may interpret.
 */
export function asciiFallbackFilename(name: string): string {
  const ascii = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\x20-\x7e]|["\\%]/g, "_")
    .replace(/_+/g, "_");
  const dot = ascii.lastIndexOf(".");
  const stem = dot > 0 ? ascii.slice(0, dot) : ascii;
  return /[A-Za-z0-9]/.test(stem) ? ascii : `download${dot > 0 ? ascii.slice(dot) : ""}`;
}

/** RFC 5987 attr-char: what may appear unencoded in an ext-value. */
const ATTR_CHAR = /^[A-Za-z0-9!#$&+\-.^_`|~]$/;

/** The RFC 5987 value-chars of `text` as UTF-8: every byte outside attr-char percent-encoded. */
export function encodeRfc5987(text: string): string {
  let encoded = "";
  for (const byte of Buffer.from(text, "utf8")) {
    const character = String.fromCharCode(byte);
    encoded += byte < 0x80 && ATTR_CHAR.test(character) ? character : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return encoded;
}

/**
 * `Content-Disposition: attachment` for a file name from upstream. The value is printable ASCII
 * whatever the name, so it can always be set as a header.
 */
export function attachmentDisposition(name: string | null, fallback: string): string {
  const safe = sanitizeFilename(name, fallback);
  return `attachment; filename="${asciiFallbackFilename(safe)}"; filename*=UTF-8''${encodeRfc5987(safe)}`;
}
