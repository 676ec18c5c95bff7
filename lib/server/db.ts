import "server-only";

import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getServerEnv } from "@/lib/server/env";

/** A new client for `databaseUrl` (scripts and tests; the app uses getDb()). */
export function createDb(databaseUrl: string): PrismaClient {
  // Like the migrations, honour Prisma's `?schema=` (pg itself ignores it).
  const schema = new URL(databaseUrl).searchParams.get("schema") ?? undefined;
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }, { schema }) });
}

// Kept on globalThis, so that the process has one client (and one connection pool) whichever module
// graph asks first, and Next's dev-mode hot reloads, which re-evaluate this module, reuse it.
const globalForDb = globalThis as typeof globalThis & { docketDb?: PrismaClient };

/** The app's PrismaClient, created on first use from the server environment's DATABASE_URL. */
export function getDb(): PrismaClient {
  globalForDb.docketDb ??= createDb(getServerEnv().DATABASE_URL);
  return globalForDb.docketDb;
}

/**
 * Prisma's "unique constraint failed" (P2002), known by its code: the error may come from another
 * module graph's copy of the Prisma runtime (see docket-error.ts), which `instanceof` would not know.
 */
export function isUniqueConstraintViolation(error: unknown): boolean {
  return error instanceof Error && Reflect.get(error, "code") === "P2002";
}
