import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parseContentDispositionFilename } from "@/lib/server/compliance/download";
import { asciiFallbackFilename, attachmentDisposition, encodeRfc5987, MAX_FILENAME_BYTES, sanitizeFilename } from "@/lib/server/files/content-disposition";

const FALLBACK = "claude_file_01fallback.bin";

/**
 * A strict RFC 6266 reading of a header: the disposition type, then `; name=value` parameters where a
 * value is a token or a quoted-string. Returns null when anything is left over, so a header a strict
 * parser would misread fails the test rather than passing by luck.
 */
function parseStrictly(header: string): { type: string; parameters: Array<[string, string]> } | null {
  const token = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
  const typeMatch = new RegExp(`^(${token})`).exec(header);
  if (!typeMatch) return null;
  const parameter = new RegExp(`\\s*;\\s*(${token})\\s*=\\s*("(?:[^"\\\\]|\\\\.)*"|${token})`, "y");
  parameter.lastIndex = typeMatch[0].length;
  const parameters: Array<[string, string]> = [];
  while (parameter.lastIndex < header.length) {
    const match = parameter.exec(header);
    if (!match) return null;
    parameters.push([match[1]!.toLowerCase(), match[2]!]);
  }
  return { type: typeMatch[1]!.toLowerCase(), parameters };
}

const INVISIBLE_OR_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069/\\";<>:|?*]/;

describe("sanitizeFilename", () => {
  test.each([
    ["a plain name", "report.pdf", "report.pdf"],
    ["quotes and semicolons that would add a parameter", `"quarterly report"; filename=evil.exe; .pdf`, "_quarterly report__ filename=evil.exe_ .pdf"],
    ["an RFC 5987 injection", `a.pdf"; filename*=UTF-8''evil.html`, "a.pdf__ filename_=UTF-8''evil.html"],
    ["a path that climbs out of the download folder", "../../../../etc/passwd", "passwd"],
    ["a Windows path", "C:\\Windows\\System32\\drivers\\etc\\hosts", "hosts"],
    ["a trailing slash", "reports/q3/", "q3"],
    ["CR/LF that would start a new header", "a\r\nSet-Cookie: x=1.csv", "a Set-Cookie_ x=1.csv"],
    ["percent-encoded CR/LF, which stays text", "%22encoded%22 %0d%0aSet-Cookie: x=1.csv", "%22encoded%22 %0d%0aSet-Cookie_ x=1.csv"],
    ["a right-to-left override hiding .exe", "invoice\u202efdp.exe", "invoicefdp.exe"],
    ["right-to-left and left-to-right marks", "\u200fהסכם\u200e שירותים.docx", "הסכם שירותים.docx"],
    ["isolates", "a\u2066b\u2069.txt", "ab.txt"],
    ["emoji, with their joiners kept", "team 👩‍💻 notes ✨.md", "team 👩‍💻 notes ✨.md"],
    ["non-Latin scripts", "議事録 2026-04-10.md", "議事録 2026-04-10.md"],
    ["decomposed accents, composed", "sche\u0301ma.json", "schéma.json"],
    ["a trailing dot that Windows would drop", "run.exe.", "run.exe"],
    ["surrounding white space", "  notes.txt  ", "notes.txt"],
    // The slash of </script> makes what comes before it a folder: only the last segment is kept.
    ["markup with a closing tag", "<script>alert('file')</script>.txt", "script_.txt"],
    ["characters Windows forbids", "a<b>c:d|e?f*g.txt", "a_b_c_d_e_f_g.txt"],
  ])("%s", (_name, input, expected) => {
    expect(sanitizeFilename(input, FALLBACK)).toBe(expected);
  });

  test.each([null, "", "   ", ".", "..", "../..", "/", "\\\\", "\u202e", "\r\n", "...", "a/."])("%j falls back to the given name", (input) => {
    expect(sanitizeFilename(input, FALLBACK)).toBe(FALLBACK);
  });

  test("a 255-byte name is shortened on a character boundary and keeps its extension", () => {
    const name = `${"é".repeat(60)}${"🧾".repeat(33)}.pdf`;
    expect(Buffer.byteLength(name)).toBe(60 * 2 + 33 * 4 + 4);
    const safe = sanitizeFilename(name, FALLBACK);
    expect(Buffer.byteLength(safe)).toBeLessThanOrEqual(MAX_FILENAME_BYTES);
    expect(safe.endsWith(".pdf")).toBe(true);
    expect(safe).not.toContain("\ufffd");
    expect(name.startsWith(safe.slice(0, -".pdf".length))).toBe(true);
  });

  test("an emoji sequence is never cut in half", () => {
    const family = "👨‍👩‍👧‍👦";
    const safe = sanitizeFilename(`${"a".repeat(MAX_FILENAME_BYTES - 30)}${family.repeat(3)}.txt`, FALLBACK);
    const stem = safe.slice(0, -".txt".length).replace(/^a+/, "");
    expect(stem.length % family.length).toBe(0);
  });
});

describe("asciiFallbackFilename", () => {
  test.each([
    ["schéma données.json", "schema donnees.json"],
    ["销售数据.csv", "download.csv"],
    ["whiteboard 📸.png", "whiteboard _.png"],
    ["100% done.txt", "100_ done.txt"],
    ["back\\slash", "back_slash"],
  ])("%s → %s", (input, expected) => {
    expect(asciiFallbackFilename(input)).toBe(expected);
  });
});

describe("encodeRfc5987", () => {
  test("encodes everything outside attr-char, including the characters encodeURIComponent leaves alone", () => {
    expect(encodeRfc5987("a b'()*;\"%.txt")).toBe("a%20b%27%28%29%2A%3B%22%25.txt");
    expect(encodeRfc5987("€")).toBe("%E2%82%AC");
    expect(encodeRfc5987("!#$&+-.^_`|~")).toBe("!#$&+-.^_`|~");
  });
});

describe("attachmentDisposition", () => {
  test("writes both forms of the name", () => {
    expect(attachmentDisposition("schéma données.json", FALLBACK)).toBe(
      `attachment; filename="schema donnees.json"; filename*=UTF-8''sch%C3%A9ma%20donn%C3%A9es.json`,
    );
  });

  test("the hostile names of the simulator's dataset give one filename and one filename*, and decode to the safe name", () => {
    for (const name of [
      `"quarterly report"; filename=evil.exe; .pdf`,
      "invoice\u202efdp.exe",
      "%22encoded%22 %0d%0aSet-Cookie: x=1.csv",
      `"><svg onload=alert(1)>.svg`,
    ]) {
      const header = attachmentDisposition(name, FALLBACK);
      const parsed = parseStrictly(header);
      expect(parsed?.type).toBe("attachment");
      expect(parsed?.parameters.map(([key]) => key)).toEqual(["filename", "filename*"]);
      expect(parseContentDispositionFilename(header)).toBe(sanitizeFilename(name, FALLBACK));
    }
  });

  test("property: any Unicode name gives a header that can be set, parses strictly, and names a safe file", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "binary", maxLength: 400 }),
          fc.string({ unit: "grapheme", maxLength: 120 }),
          fc.string({ unit: fc.constantFrom("/", "\\", ".", '"', ";", "\r", "\n", "\u202e", "\u200f", "a", "é", "👩‍💻", " "), maxLength: 60 }),
        ),
        (name) => {
          const header = attachmentDisposition(name, FALLBACK);
          expect(() => new Headers().set("content-disposition", header)).not.toThrow();
          expect(header).toMatch(/^[\x20-\x7e]+$/);
          const parsed = parseStrictly(header);
          expect(parsed?.type).toBe("attachment");
          expect(parsed?.parameters.filter(([key]) => key === "filename")).toHaveLength(1);
          expect(parsed?.parameters.filter(([key]) => key === "filename*")).toHaveLength(1);
          const decoded = parseContentDispositionFilename(header);
          const safe = sanitizeFilename(name, FALLBACK);
          expect(decoded).toBe(safe);
          expect(safe).not.toMatch(INVISIBLE_OR_UNSAFE);
          expect(Buffer.byteLength(safe)).toBeLessThanOrEqual(MAX_FILENAME_BYTES);
          expect(safe).toBe(safe.normalize("NFC"));
          expect(sanitizeFilename(safe, FALLBACK)).toBe(safe);
        },
      ),
      { numRuns: 1_000 },
    );
    // A budget for a loaded machine, not a measurement: a thousand runs take about a second alone.
  }, 60_000);
});
