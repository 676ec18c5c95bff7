import { describe, expect, it } from "vitest";
import { lintFindings as findings, rulesFor } from "./lint-findings";

describe("the lint rules that keep server errors recognisable across module graphs, and seen in tests", () => {
  it("refuses a server error class extending Error directly, env.ts included", { timeout: 60_000 }, async () => {
    const code = 'import "server-only";\nexport class ProbeError extends Error {}\n';
    expect(await findings("lib/server/probe.ts", code)).toContainEqual(expect.stringMatching(/^no-restricted-syntax: Extend DocketError/));
    // env.ts has a rule block of its own (it may read process.env): the error rule is in it too.
    expect(JSON.stringify((await rulesFor("lib/server/env.ts"))["no-restricted-syntax"])).toContain("Extend DocketError");
    const branded =
      'import "server-only";\nimport { DocketError } from "@/lib/server/docket-error";\nexport class ProbeError extends DocketError {\n  static override readonly brand: string = "ProbeError";\n}\n';
    expect(await findings("lib/server/probe.ts", branded)).toEqual([]);
  });

  it("refuses instanceof against a Prisma error class", { timeout: 30_000 }, async () => {
    const code =
      'import { Prisma } from "@/lib/generated/prisma/client";\nexport const isConflict = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError;\n';
    expect(await findings("lib/server/probe.ts", code)).toContainEqual(expect.stringMatching(/^no-restricted-syntax: Recognise a Prisma error by its code/));
  });

  it("keeps end-to-end specs on the test that fails them on an undeclared 5xx", { timeout: 30_000 }, async () => {
    const direct = 'import { expect, test } from "@playwright/test";\ntest("probe", () => expect(1).toBe(1));\n';
    expect(await findings("tests/e2e/probe.spec.ts", direct)).toContainEqual(
      expect.stringMatching(/^no-restricted-imports: .*Import test from tests\/e2e\/support\/fixtures\.ts/),
    );
    const guarded =
      'import type { Page } from "@playwright/test";\nimport { expect, test } from "./support/fixtures";\nexport const probe = (page: Page) => page;\ntest("probe", () => expect(1).toBe(1));\n';
    expect(await findings("tests/e2e/probe.spec.ts", guarded)).toEqual([]);
  });

  it("keeps the process.env rule in server code beside the new ones", { timeout: 30_000 }, async () => {
    expect(await findings("lib/server/probe.ts", "export const secret = process.env.SECRET;\n")).toContainEqual(
      expect.stringMatching(/^no-restricted-syntax: Read the environment/),
    );
  });
});
