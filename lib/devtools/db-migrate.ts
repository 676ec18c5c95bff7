// `npm run db:migrate`: Prisma's migrations, then pg-boss's schema and Docket's queues, all as the owner
// role in DATABASE_MIGRATION_URL, which also grants the runtime role what the app and the worker need.
import { migrateDeploy } from "./migrate";

const url = process.env.DATABASE_MIGRATION_URL;
if (!url) {
  console.error(
    "DATABASE_MIGRATION_URL is missing: the migrations run as the role that owns Docket's tables, not as the app's role in DATABASE_URL (README, \"Database roles\").",
  );
  process.exit(1);
}
try {
  await migrateDeploy(url);
  console.log("Docket's database is up to date.");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
