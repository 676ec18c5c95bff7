// Upload names per type, in several scripts and with the characters that break naive header,
// path and HTML handling (quotes, semicolons, spaces, emoji, RTL marks).

import type { FileType } from "./file-bytes";
import { pickBy } from "./prng";

const NAMES: Readonly<Record<FileType, readonly string[]>> = {
  pdf: ["dashboard_mockup_v1.pdf", "Quarterly Report Q3 2026.pdf", "契約書（最終版）.pdf", "تقرير الربع الثالث.pdf", "Board deck – \"final\" (2).pdf"],
  png: ["screenshot 2026-03-14 at 09.41.22.png", "диаграмма.png", "logo;v2.png", "whiteboard 📸.png"],
  csv: ["customers_export.csv", "ventes_2026 (copie).csv", "销售数据.csv", "Q3 numbers, draft.csv"],
  docx: ["NDA - Globex.docx", "Αναφορά συνάντησης.docx", "O'Brien contract redline.docx", "הסכם שירותים.docx"],
  txt: ["notes.txt", "meeting notes – 14 März.txt", "log output (full).txt", "\u200Fשלום.txt"],
  json: ["config.json", "events-2026-04-01.json", "schéma données.json"],
  md: ["README.md", "requirements.md", "議事録 2026-04-10.md"],
  svg: ["architecture diagram.svg", "icon set ✨.svg", "org-chart.svg"],
  bin: ["evidence-disk-image.img"],
};

export function uploadFilename(type: FileType, h: number): string {
  return pickBy(NAMES[type], h);
}

export const PROJECT_DOC_NAMES: readonly string[] = [
  "requirements.md", "design-notes.txt", "style guide.txt", "glossary – terms.md", "FAQ (internal).txt", "背景資料.txt",
];
