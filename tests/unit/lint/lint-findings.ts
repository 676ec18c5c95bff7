import { randomUUID } from "node:crypto";
import { access, mkdir, rm, writeFile } from "node:fs/promises";
import { readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";

export const repositoryRoot = fileURLToPath(new URL("../../..", import.meta.url));

/** In the name of every file lintFindings writes, so that tests scanning the sources skip them. */
export const LINT_PROBE_MARK = ".lint-probe-";

const eslint = new ESLint({ cwd: repositoryRoot });

/**
 * What the project's ESLint configuration says of `code` placed at `filePath`, as "rule: message"
 * lines. The code is written to a file of its own there for the time of the check: the type-aware
 * rules only lint files the TypeScript project can find on disk.
 */
export async function lintFindings(filePath: string, code: string): Promise<string[]> {
  const probe = join(repositoryRoot, filePath.replace(/(\.[a-z]+)$/, `${LINT_PROBE_MARK}${randomUUID()}$1`));
  const firstMissing = await firstMissingFolder(dirname(probe));
  await mkdir(dirname(probe), { recursive: true });
  await writeFile(probe, code);
  try {
    const [result] = await eslint.lintFiles([probe]);
    return result!.messages.map((message) => `${message.ruleId}: ${message.message}`);
  } finally {
    await rm(firstMissing ?? probe, { recursive: true, force: true });
  }
}

/** The outermost folder of `folder` that does not exist yet, to remove with the probe. */
async function firstMissingFolder(folder: string): Promise<string | null> {
  let missing: string | null = null;
  for (let current = folder; current.startsWith(repositoryRoot) && current !== repositoryRoot; current = dirname(current)) {
    const exists = await access(current).then(
      () => true,
      () => false,
    );
    if (exists) break;
    missing = current;
  }
  return missing;
}

/** The rules the configuration applies to a file that exists, with their options. */
export async function rulesFor(filePath: string): Promise<Record<string, unknown>> {
  return ((await eslint.calculateConfigForFile(join(repositoryRoot, filePath))) as { rules: Record<string, unknown> }).rules;
}

/**
 * The project's source files under `folders` whose names match `extensions`, relative to the root,
 * with the generated client and other tests' lint probes (written and removed meanwhile) left out.
 */
export function projectSourceFiles(folders: readonly string[], extensions: RegExp): string[] {
  return folders.flatMap((folder) =>
    readdirSync(join(repositoryRoot, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && extensions.test(entry.name) && !entry.name.includes(LINT_PROBE_MARK))
      .map((entry) => relative(repositoryRoot, join(entry.parentPath, entry.name)))
      .filter((path) => !path.startsWith(join("lib", "generated"))),
  );
}
