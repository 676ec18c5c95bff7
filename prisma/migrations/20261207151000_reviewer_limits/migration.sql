-- Per-reviewer limits: one row per person and minute, counting their requests to Docket's routes and
-- the Compliance API requests made for them. Shared by every web replica.
CREATE TABLE "reviewer_usage" (
    "user_id" UUID NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "route_requests" INTEGER NOT NULL DEFAULT 0,
    "api_requests" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "reviewer_usage_pkey" PRIMARY KEY ("user_id","window_start")
);

ALTER TABLE "reviewer_usage" ADD CONSTRAINT "reviewer_usage_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

GRANT SELECT, INSERT, UPDATE, DELETE ON reviewer_usage TO docket_runtime;
