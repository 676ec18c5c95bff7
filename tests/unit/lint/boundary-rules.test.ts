import { describe, expect, it } from "vitest";
import { lintFindings as findings } from "./lint-findings";

describe("the lint rules that keep server code out of the browser", () => {
  it('refuses a server import in any "use client" file, wherever it is', { timeout: 60_000 }, async () => {
    const code = '"use client";\nimport { getDb } from "@/lib/server/db";\nexport const db = getDb;\n';
    for (const filePath of ["components/probe.tsx", "app/(console)/probe/probe.tsx", "lib/probe/probe.ts"]) {
      expect(await findings(filePath, code), filePath).toContainEqual(
        expect.stringMatching(/^docket\/client-boundary: A "use client" module is sent to the browser/),
      );
    }
    const typeOnly = '"use client";\nimport type { Actor } from "@/lib/server/auth/session-store";\nexport type Probe = Actor;\n';
    // A type import reaches no browser: the boundary rule lets it through (the client folders refuse it anyway).
    expect(await findings("app/(console)/probe.tsx", typeOnly)).toEqual([]);
  });

  it("refuses server imports in the client-safe folders of lib, used by the browser or not", { timeout: 60_000 }, async () => {
    const code = 'import { getDb } from "@/lib/server/db";\nexport const db = getDb;\n';
    for (const filePath of ["lib/console/probe.ts", "lib/thread/probe.ts", "lib/artifacts/probe.ts"]) {
      expect(await findings(filePath, code), filePath).toContainEqual(expect.stringMatching(/^no-restricted-imports: .*Server-only code/));
    }
  });

  it('requires every lib/server module to start with import "server-only"', { timeout: 60_000 }, async () => {
    expect(await findings("lib/server/probe.ts", "export const answer = 42;\n")).toContainEqual(expect.stringMatching(/^docket\/server-only-first:/));
    expect(await findings("lib/server/probe.ts", 'import "server-only";\nexport const answer = 42;\n')).toEqual([]);
  });

  it("refuses a forgotten promise and a promise handed where none is awaited", { timeout: 60_000 }, async () => {
    const floating = "export async function probe(send: () => Promise<void>) {\n  send();\n}\n";
    expect(await findings("lib/queries/probe.ts", floating)).toContainEqual(expect.stringMatching(/^@typescript-eslint\/no-floating-promises:/));
    const misused = "export function probe(items: number[], check: (item: number) => Promise<boolean>) {\n  return items.filter(check);\n}\n";
    expect(await findings("lib/queries/probe.ts", misused)).toContainEqual(expect.stringMatching(/^@typescript-eslint\/no-misused-promises:/));
  });
});
