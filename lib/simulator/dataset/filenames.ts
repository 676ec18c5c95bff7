// Upload names per type, in several scripts and with the characters that break naive header,
// path and HTML handling (quotes, semicolons, spaces, emoji, RTL marks).

import type { GenericUploadType } from "./file-bytes";
import { pickBy } from "./prng";

const NAMES: Readonly<Record<GenericUploadType | "bin", readonly string[]>> = {
  pdf: ["dashboard_mockup_v1.pdf", "Quarterly Report Q3 2026.pdf", "契約書（最終版）.pdf", "تقرير الربع الثالث.pdf", 'Board deck – "final" (2).pdf'],
  png: ["screenshot 2026-03-14 at 09.41.22.png", "диаграмма.png", "logo;v2.png", "whiteboard 📸.png"],
  csv: ["customers_export.csv", "ventes_2026 (copie).csv", "销售数据.csv", "Q3 numbers, draft.csv"],
  docx: ["NDA - Globex.docx", "Αναφορά συνάντησης.docx", "O'Brien contract redline.docx", "הסכם שירותים.docx"],
  txt: ["notes.txt", "meeting notes – 14 März.txt", "log output (full).txt", "\u200Fשלום.txt"],
  json: ["config.json", "events-2026-04-01.json", "schéma données.json"],
  md: ["README.md", "requirements.md", "議事録 2026-04-10.md"],
  svg: ["architecture diagram.svg", "icon set ✨.svg", "org-chart.svg"],
  bin: ["evidence-disk-image.img"],
};

export function uploadFilename(type: GenericUploadType | "bin", h: number): string {
  return pickBy(NAMES[type], h);
}

export const PROJECT_DOC_NAMES: readonly string[] = [
  "requirements.md",
  "design-notes.txt",
  "style guide.txt",
  "glossary – terms.md",
  "FAQ (internal).txt",
  "背景資料.txt",
];

/**
 * A name of exactly 255 UTF-8 bytes, the longest most file systems take, in 4- and 3-byte characters
 * with an extension: a tool must shorten it on character boundaries and keep the extension.
 */
export const MAX_LENGTH_FILENAME = ((): string => {
  const extension = ".txt";
  const phrase = [..."証拠資料の長いファイル名"];
  let stem = "📁-";
  for (let k = 0; Buffer.byteLength(stem + extension) + 3 <= 255; k++) stem += phrase[k % phrase.length]!;
  while (Buffer.byteLength(stem + extension) < 255) stem += "_";
  return stem + extension;
})();

/**
 * The names of the preview corpus chat's uploads (lib/simulator/dataset/chat-files.ts): the names
 * that break downloads, then one upload of each type a preview has to handle safely.
 */
export const CORPUS_FILENAMES = {
  /** A literal CR/LF: sent raw in a header, it would start a header of its own. */
  lineBreak: "minutes\r\nSet-Cookie: docket_session=stolen.txt",
  rightToLeftMark: "contract\u200F (signed).pdf",
  maxLength: MAX_LENGTH_FILENAME,
  parentPath: "../../../var/log/../audit.csv",
  /** Windows drops a trailing dot or space, so the saved name differs from the one shown. */
  trailingDot: "board minutes.txt.",
  trailingSpace: "budget 2026.csv ",
  html: "invoice.html",
  jpeg: "scan 0001.jpg",
  gif: "loading.gif",
  webp: "photo.webp",
  longText: "server.log",
  pdfWithJavaScript: "form (fill in).pdf",
} as const;

export type CorpusFile = keyof typeof CORPUS_FILENAMES;
