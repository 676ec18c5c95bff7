// Claude Code Artifacts (published single-file apps): a few hundred rows at most, materialised,
// listed in id order as documented. Version bodies are derived on demand.

import type { Directory } from "./directory";
import { HOSTILE_SNIPPETS } from "./hostile";
import { Kind, PREFIX, type IdCodec } from "./ids";
import type { Profile } from "./profiles";
import { Rng } from "./prng";
import { DATASET_EPOCH_US, US_PER_DAY, US_PER_SECOND } from "./time";

export type ReadMode = "org" | "owner" | "public" | "users";

export interface CodeArtifactVersion {
  id: string;
  createdUs: number | null;
  name: string;
}

export interface CodeArtifact {
  index: number;
  id: string;
  org: number;
  /** Null when an agent session published it. */
  owner: number | null;
  readMode: ReadMode;
  /** Null for artifacts published before the field was recorded. */
  updatedUs: number | null;
  versions: CodeArtifactVersion[];
  /** The newest version's upload has not finished (its download answers 503). */
  uploading: boolean;
  hostile: boolean;
}

const TITLES = ["Team dashboard", "Incident timeline", "Pricing calculator", "OKR tracker", "Release notes viewer"];

export function buildCodeArtifacts(ids: IdCodec, seed: number, profile: Profile, dir: Directory): CodeArtifact[] {
  const rng = new Rng(seed, 0xca47);
  const owners = dir.users.filter((u) => !u.departed && u.memberships.some((m) => dir.orgs[m.org]!.kind === "claude_ai"));
  const list = Array.from({ length: profile.codeArtifacts }, (_, index): CodeArtifact => {
    const owner = index === 1 ? null : rng.pick(owners);
    const org = owner ? owner.memberships[0]!.org : dir.claudeOrgs[0]!;
    let t = DATASET_EPOCH_US - rng.range(5, 200) * US_PER_DAY + rng.int(86_400_000_000);
    const versions: CodeArtifactVersion[] = [];
    for (let v = rng.range(1, 5); v > 0; v--) {
      t += rng.range(1, 72) * 3600 * US_PER_SECOND;
      if (t >= DATASET_EPOCH_US) break;
      // Observed shape: "<unix seconds>-<4 hex>".
      versions.push({
        id: `${Math.floor(t / US_PER_SECOND)}-${rng.int(0x10000).toString(16).padStart(4, "0")}`,
        createdUs: index === 2 && versions.length === 0 ? null : t,
        name: `${rng.pick(TITLES)}${versions.length ? ` v${versions.length + 1}` : ""}`,
      });
    }
    const newest = versions[versions.length - 1];
    return {
      index,
      id: ids.tagged(PREFIX.codeArtifact, Kind.CodeArtifact, index),
      org,
      owner: owner ? owner.index : null,
      readMode: rng.pick(["org", "owner", "public", "users"] as const),
      updatedUs: index === 2 ? null : (newest?.createdUs ?? null),
      versions: versions.reverse(),
      uploading: index === 3,
      hostile: index === 4,
    };
  });
  return list.sort((a, b) => (a.id < b.id ? -1 : 1));
}

export function codeArtifactHtml(a: CodeArtifact, version: CodeArtifactVersion): string {
  const extra = a.hostile ? `\n${HOSTILE_SNIPPETS[0]}\n${HOSTILE_SNIPPETS[1]}` : "";
  return `<!doctype html>\n<html><head><meta charset="utf-8"><title>${version.name}</title></head>\n<body>\n<h1>${version.name}</h1>\n<div id="app"></div>\n<script>document.getElementById("app").textContent = "version ${version.id}";</script>${extra}\n</body></html>\n`;
}
