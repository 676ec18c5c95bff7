// Uploaded and generated files of chats. A file is addressed by (chat, message, slot); its id
// encodes those coordinates, so resolving an id is: decode, then check the message really has
// a file in that slot (a forged or stale id fails here and becomes a 404).

import { ChatKind, FLAG_SOFT_DELETED, messageTime, type ChatTable } from "./chats";
import { MIME_TYPES, UPLOAD_TYPES, type FileType } from "./file-bytes";
import { CORPUS_FILENAMES as NAME, uploadFilename } from "./filenames";
import { HOSTILE_FILENAMES, HOSTILE_GENERATED_FILENAME, HOSTILE_SVG_FILENAME } from "./hostile";
import { type IdCodec, Kind, PREFIX } from "./ids";
import { hashInts } from "./prng";

export interface UploadDef {
  type: FileType;
  filename: string;
  hostile: boolean;
  large: boolean;
}

export interface ChatFileInfo extends UploadDef {
  id: string;
  ci: number;
  msg: number;
  slot: number;
  createdUs: number;
  key: number;
  /** Messages (of this chat) listing the file: the upload, plus any later re-attachment. */
  messageIndices: number[];
}

export interface GenFileDef {
  type: FileType | "expired";
  filename: string;
  hostile: boolean;
}

export interface GenFileInfo extends GenFileDef {
  id: string;
  ci: number;
  msg: number;
  slot: number;
  createdUs: number;
  key: number;
  mimeType: string;
}

const u = (type: FileType, filename: string, hostile = false): UploadDef => ({ type, filename, hostile, large: false });

/** The "files review" chat: one upload of every type, odd names, a re-attached file. */
const FILES_CHAT: Readonly<Record<number, readonly UploadDef[]>> = {
  0: [u("pdf", "dashboard_mockup_v1.pdf"), u("png", "screenshot 2026-03-14 at 09.41.22.png")],
  2: [u("csv", "Q3 numbers, draft.csv"), u("docx", "NDA - Globex.docx")],
  4: [u("txt", "meeting notes – 14 März.txt"), u("json", "schéma données.json")],
  6: [u("md", "議事録 2026-04-10.md"), u("svg", "icon set ✨.svg", true)],
  8: [u("pdf", HOSTILE_FILENAMES[0]!, true), u("txt", HOSTILE_FILENAMES[1]!, true), u("bin", HOSTILE_FILENAMES[3]!, true)],
  10: [u("csv", "销售数据.csv"), u("docx", "הסכם שירותים.docx"), u("png", "whiteboard 📸.png")],
};
/** Message 4 of the files chat re-attaches the PDF uploaded in message 0. */
const FILES_CHAT_REATTACH = { msg: 4, of: { msg: 0, slot: 0 } };

const HOSTILE_CHAT: Readonly<Record<number, readonly UploadDef[]>> = {
  2: [u("txt", HOSTILE_FILENAMES[1]!, true), u("svg", HOSTILE_SVG_FILENAME, true)],
  4: [u("csv", HOSTILE_FILENAMES[4]!, true), u("md", HOSTILE_FILENAMES[2]!, true)],
};

/** The preview corpus chat: names that break downloads, then one upload of each type a preview must handle. */
const CORPUS_CHAT: Readonly<Record<number, readonly UploadDef[]>> = {
  0: [
    u("txt", NAME.lineBreak),
    u("pdf", NAME.rightToLeftMark),
    u("txt", NAME.maxLength),
    u("csv", NAME.parentPath),
    u("txt", NAME.trailingDot),
    u("csv", NAME.trailingSpace),
  ],
  2: [u("html", NAME.html, true), u("jpeg", NAME.jpeg), u("gif", NAME.gif), u("webp", NAME.webp)],
  4: [u("long-txt", NAME.longText), u("pdf-js", NAME.pdfWithJavaScript, true)],
};

const g = (type: FileType | "expired", filename: string, hostile = false): GenFileDef => ({ type, filename, hostile });

const FILES_CHAT_GENERATED: Readonly<Record<number, readonly GenFileDef[]>> = {
  1: [g("csv", "requirements_summary.csv")],
  3: [g("pdf", "summary.pdf")],
  5: [g("png", "chart.png")],
  7: [g("expired", "export (expired).xlsx")],
  9: [g("docx", "redline.docx")],
};

const GENERATED_TYPES: readonly FileType[] = ["csv", "pdf", "png", "docx"];
const GENERATED_NAMES: Readonly<Partial<Record<FileType, string>>> = {
  csv: "analysis_output.csv",
  pdf: "report.pdf",
  png: "plot.png",
  docx: "draft.docx",
};
const EXPIRED_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A chat its user soft-deleted lost its files with it (newer docs), so it has none. */
function hasUploads(t: ChatTable, ci: number): boolean {
  return !(t.flags[ci]! & FLAG_SOFT_DELETED);
}

/** Uploads owned by message i (not counting re-attachments). */
export function uploadsOf(t: ChatTable, seed: number, ci: number, i: number): readonly UploadDef[] {
  if (!hasUploads(t, ci) || i >= t.messageCount[ci]! || i % 2 !== 0) return [];
  switch (t.kind[ci] as ChatKind) {
    case ChatKind.Files:
      return FILES_CHAT[i] ?? [];
    case ChatKind.Hostile:
      return HOSTILE_CHAT[i] ?? [];
    case ChatKind.Corpus:
      return CORPUS_CHAT[i] ?? [];
    case ChatKind.LargeFile:
      return i === 0 ? [{ type: "bin", filename: uploadFilename("bin", 0), hostile: false, large: true }] : [];
    case ChatKind.Generic: {
      const h = hashInts(seed, 0xf11e5, ci, i);
      if (h % 100 >= 6) return [];
      const count = h % 100 < 1 ? 2 : 1;
      return Array.from({ length: count }, (_, slot) => {
        const type = UPLOAD_TYPES[(h >>> (8 + slot * 4)) % UPLOAD_TYPES.length]!;
        return u(type, uploadFilename(type, h >>> (12 + slot)));
      });
    }
    default:
      return [];
  }
}

/** Coordinates of every file listed on message i, in display order. */
export function fileRefsOf(t: ChatTable, seed: number, ci: number, i: number): Array<{ msg: number; slot: number }> {
  const refs = uploadsOf(t, seed, ci, i).map((_, slot) => ({ msg: i, slot }));
  if (t.kind[ci] === ChatKind.Files && i === FILES_CHAT_REATTACH.msg && hasUploads(t, ci)) refs.push(FILES_CHAT_REATTACH.of);
  return refs;
}

export function chatFileId(ids: IdCodec, ci: number, msg: number, slot: number): string {
  return ids.tagged(PREFIX.file, Kind.ChatFile, ci, msg, slot);
}

export function chatFileInfo(t: ChatTable, ids: IdCodec, seed: number, ci: number, msg: number, slot: number): ChatFileInfo | null {
  if (ci >= t.count) return null;
  const def = uploadsOf(t, seed, ci, msg)[slot];
  if (!def) return null;
  const messageIndices = [msg];
  if (t.kind[ci] === ChatKind.Files && msg === FILES_CHAT_REATTACH.of.msg && slot === FILES_CHAT_REATTACH.of.slot) messageIndices.push(FILES_CHAT_REATTACH.msg);
  return {
    ...def,
    id: chatFileId(ids, ci, msg, slot),
    ci,
    msg,
    slot,
    createdUs: messageTime(t, seed, ci, msg),
    key: hashInts(seed, 0xf11e6, ci, msg, slot),
    messageIndices,
  };
}

export function generatedOf(t: ChatTable, seed: number, ci: number, i: number): readonly GenFileDef[] {
  if (!hasUploads(t, ci) || i >= t.messageCount[ci]! || i % 2 !== 1) return [];
  switch (t.kind[ci] as ChatKind) {
    case ChatKind.Files:
      return FILES_CHAT_GENERATED[i] ?? [];
    case ChatKind.Hostile:
      return i === 5 ? [g("csv", HOSTILE_GENERATED_FILENAME, true)] : [];
    case ChatKind.Generic: {
      const h = hashInts(seed, 0x6e4f, ci, i);
      if (h % 100 >= 3) return [];
      const type = GENERATED_TYPES[(h >>> 8) % GENERATED_TYPES.length]!;
      // Generated files live in a per-conversation store and expire.
      if ((h >>> 16) % 10 === 0) return [g("expired", `old_${GENERATED_NAMES[type]!.replace(/\.\w+$/, ".xlsx")}`)];
      return [g(type, GENERATED_NAMES[type]!)];
    }
    default:
      return [];
  }
}

export function genFileId(ids: IdCodec, ci: number, msg: number, slot: number): string {
  return ids.tagged(PREFIX.genFile, Kind.GenFile, ci, msg, slot);
}

export function genFileInfo(t: ChatTable, ids: IdCodec, seed: number, ci: number, msg: number, slot: number): GenFileInfo | null {
  if (ci >= t.count) return null;
  const def = generatedOf(t, seed, ci, msg)[slot];
  if (!def) return null;
  return {
    ...def,
    id: genFileId(ids, ci, msg, slot),
    ci,
    msg,
    slot,
    createdUs: messageTime(t, seed, ci, msg),
    key: hashInts(seed, 0x6e50, ci, msg, slot),
    mimeType: def.type === "expired" ? EXPIRED_MIME : MIME_TYPES[def.type],
  };
}
