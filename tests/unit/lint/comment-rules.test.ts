import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { repositoryRoot as root } from "./lint-findings";

/** The ids of the review checklists kept outside the repository, which a reader of the code cannot look up. */
const OUTSIDE_REQUIREMENT_ID = /\b(AUD|AUTH|ATHZ|NX|PRX|REL|RND|TST)-\d+\b/;

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mjs|js|prisma|sql)$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .filter((path) => !path.startsWith(join("lib", "generated")));
}

describe("comments", () => {
  it("say why in their own words, citing no requirement id from a document outside the repository", () => {
    const files = ["app", "components", "lib", "tests", "prisma"].flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(100);
    const citing = files.flatMap((path) =>
      readFileSync(join(root, path), "utf8")
        .split("\n")
        .flatMap((line, index) => (OUTSIDE_REQUIREMENT_ID.test(line) ? [`${path}:${index + 1}: ${line.trim()}`] : [])),
    );
    expect(citing).toEqual([]);
  });
});
