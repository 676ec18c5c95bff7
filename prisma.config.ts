import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

// Every Prisma CLI command would otherwise download the native schema engine from Prisma's
// servers, which fails offline and in air-gapped networks. This program answers the CLI with the
// WebAssembly build of the same engine from npm (see its header).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(new URL("./prisma/offline-schema-engine/schema-engine.mjs", import.meta.url));
// No update checks or telemetry calls to Prisma's servers.
process.env.CHECKPOINT_DISABLE = "1";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // Migrations run as the owner of the tables (DATABASE_MIGRATION_URL); the app's DATABASE_URL role
  // may not create or alter anything. Not env(...): that throws when the variable is unset, which
  // would break `prisma generate` (it needs no database). Commands that do need one say so clearly.
  datasource: { url: process.env.DATABASE_MIGRATION_URL ?? process.env.DATABASE_URL ?? "" },
});
