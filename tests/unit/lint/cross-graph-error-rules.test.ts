import { describe, expect, it } from "vitest";
import { lintFindings as findings } from "./lint-findings";

describe("the lint rules that keep server errors recognisable across module graphs", () => {
  it("refuses a server error class extending Error directly, env.ts included", { timeout: 30_000 }, async () => {
    const code = "export class ProbeError extends Error {}\n";
    for (const filePath of ["lib/server/probe.ts", "lib/server/env.ts"]) {
      expect(await findings(filePath, code), filePath).toContainEqual(expect.stringMatching(/^no-restricted-syntax: Extend DocketError/));
    }
    const branded = 'import { DocketError } from "@/lib/server/docket-error";\nexport class ProbeError extends DocketError {\n  static override readonly brand: string = "ProbeError";\n}\n';
    expect(await findings("lib/server/probe.ts", branded)).toEqual([]);
  });

  it("refuses instanceof against a Prisma error class", { timeout: 30_000 }, async () => {
    const code = 'import { Prisma } from "@/lib/generated/prisma/client";\nexport const isConflict = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError;\n';
    expect(await findings("lib/server/probe.ts", code)).toContainEqual(expect.stringMatching(/^no-restricted-syntax: Recognise a Prisma error by its code/));
  });

  it("keeps the process.env rule in server code beside the new ones", { timeout: 30_000 }, async () => {
    expect(await findings("lib/server/probe.ts", "export const secret = process.env.SECRET;\n")).toContainEqual(expect.stringMatching(/^no-restricted-syntax: Read the environment/));
  });
});
