import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintFindings as findings, projectSourceFiles, repositoryRoot as root } from "./lint-findings";

/** Reviewed uses of dangerouslySetInnerHTML; each also needs its files entry in eslint.config.mjs. */
const REVIEWED_DANGEROUS_HTML_FILES: string[] = [];

describe("raw HTML in the app", () => {
  it("is set with dangerouslySetInnerHTML in the reviewed files only", () => {
    const files = projectSourceFiles(["app", "components", "lib"], /\.(ts|tsx|js|jsx|mjs|cjs)$/);
    expect(files.length).toBeGreaterThan(50);
    const users = files.filter((path) => readFileSync(join(root, path), "utf8").includes("dangerouslySetInnerHTML"));
    expect(users).toEqual(REVIEWED_DANGEROUS_HTML_FILES);
  });
});

describe("the lint rules that keep untrusted content inert", () => {
  it("refuses dangerouslySetInnerHTML in app, components and lib", { timeout: 30_000 }, async () => {
    const code = "export function Probe({ html }: { html: string }) {\n  return <div dangerouslySetInnerHTML={{ __html: html }} />;\n}\n";
    for (const filePath of ["app/probe/page.tsx", "components/thread/probe.tsx", "lib/thread/probe.tsx"]) {
      expect(await findings(filePath, code), filePath).toContainEqual(expect.stringMatching(/^react\/no-danger:/));
    }
  });

  it("refuses an iframe sandbox allowing both scripts and same-origin, however it is written", { timeout: 30_000 }, async () => {
    const frame = (sandbox: string) =>
      `export function Probe() {\n  return <iframe title="artifact" src="https://artifacts.docket.test/a" sandbox=${sandbox} />;\n}\n`;
    const escaping = [
      '"allow-scripts allow-same-origin"',
      '"allow-same-origin allow-forms ALLOW-SCRIPTS"',
      '{"allow-scripts allow-same-origin"}',
      "{`allow-same-origin allow-scripts`}",
    ];
    // Tooling may read process.env, which turns part of no-restricted-syntax off there: not this part.
    for (const filePath of ["components/artifact/probe.tsx", "lib/devtools/probe.tsx"]) {
      for (const sandbox of escaping) {
        expect(await findings(filePath, frame(sandbox)), `${filePath} sandbox=${sandbox}`).toContainEqual(
          expect.stringMatching(/^no-restricted-syntax: An iframe sandbox must not allow both/),
        );
      }
      expect(await findings(filePath, frame('"allow-scripts"'))).toEqual([]);
    }
  });

  it("still confines process.env to lib/server/env.ts", { timeout: 30_000 }, async () => {
    expect(await findings("components/probe.ts", "export const secret = process.env.SECRET;\n")).toContainEqual(
      expect.stringMatching(/^no-restricted-syntax: Read the environment/),
    );
  });
});
