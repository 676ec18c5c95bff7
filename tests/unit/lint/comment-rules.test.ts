import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectSourceFiles, repositoryRoot as root } from "./lint-findings";

/** The ids of the review checklists kept outside the repository, which a reader of the code cannot look up. */
const OUTSIDE_REQUIREMENT_ID = /\b(AUD|AUTH|ATHZ|NX|PRX|REL|RND|TST)-\d+\b/;

describe("comments", () => {
  it("say why in their own words, citing no requirement id from a document outside the repository", () => {
    const files = projectSourceFiles(["app", "components", "lib", "tests", "prisma"], /\.(ts|tsx|mjs|js|prisma|sql)$/);
    expect(files.length).toBeGreaterThan(100);
    const citing = files.flatMap((path) =>
      readFileSync(join(root, path), "utf8")
        .split("\n")
        .flatMap((line, index) => (OUTSIDE_REQUIREMENT_ID.test(line) ? [`${path}:${index + 1}: ${line.trim()}`] : [])),
    );
    expect(citing).toEqual([]);
  });
});
