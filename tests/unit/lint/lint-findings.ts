import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";

export const repositoryRoot = fileURLToPath(new URL("../../..", import.meta.url));

const eslint = new ESLint({ cwd: repositoryRoot });

/** What the project's ESLint configuration says of `code` placed at `filePath`, as "rule: message" lines. */
export async function lintFindings(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(repositoryRoot, filePath) });
  return result!.messages.map((message) => `${message.ruleId}: ${message.message}`);
}
