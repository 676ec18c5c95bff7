-- The app and the worker connect as a login that is a member of docket_runtime and owns nothing. An
-- owner can switch triggers off, rewrite rows and recompute the chain; this role can only add to the
-- audit log and read it. Migrations run as the owner (DATABASE_MIGRATION_URL). See README, "Database
-- roles". Each later migration grants what its own new tables need.

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'docket_runtime') THEN
    BEGIN
      CREATE ROLE docket_runtime NOLOGIN;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE EXCEPTION 'the role docket_runtime does not exist, and % may not create it', current_user
        USING HINT = 'As a superuser: CREATE ROLE docket_runtime NOLOGIN; then GRANT docket_runtime TO the login in DATABASE_URL (README, "Database roles").';
    END;
  END IF;
END
$$;

DO $$
BEGIN
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO docket_runtime', current_database());
END
$$;
GRANT USAGE ON SCHEMA public TO docket_runtime;

REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;

GRANT SELECT, INSERT ON audit_event TO docket_runtime;
GRANT SELECT, INSERT ON deletion_snapshot, legal_hold_scope, evidence_object TO docket_runtime;
GRANT SELECT, INSERT, UPDATE ON app_user, deletion_request, legal_hold, collection, collection_walk, collection_item, api_budget TO docket_runtime;
GRANT SELECT, INSERT, UPDATE, DELETE ON reviewer_preference, auth_session TO docket_runtime;
-- The health check reports how many migrations are applied. (Prisma's shadow database, where
-- `migrate dev` replays the migrations, has no such table.)
DO $$
BEGIN
  IF to_regclass('_prisma_migrations') IS NOT NULL THEN
    GRANT SELECT ON _prisma_migrations TO docket_runtime;
  END IF;
END
$$;
