-- Docket's own use of the Compliance API, reconciled with the feed: every request Docket sent (web and
-- workers), the feed's compliance_api_accessed activities as read back, and the reading's progress.
CREATE TABLE "compliance_api_call" (
    "id" BIGSERIAL NOT NULL,
    "process" TEXT NOT NULL,
    "process_id" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "duration_ms" INTEGER NOT NULL,
    "status" INTEGER,
    "request_id" TEXT,

    CONSTRAINT "compliance_api_call_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "compliance_api_call_process_check" CHECK ("process" IN ('web', 'worker'))
);

CREATE INDEX "compliance_api_call_started_at_idx" ON "compliance_api_call"("started_at");
CREATE INDEX "compliance_api_call_request_id_idx" ON "compliance_api_call"("request_id");

CREATE TABLE "compliance_api_activity" (
    "activity_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL,
    "request_id" TEXT,
    "api_key_id" TEXT,
    "method" TEXT,
    "url" TEXT,
    "status_code" INTEGER,
    "ip_address" TEXT,
    "user_agent" TEXT,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "compliance_api_activity_pkey" PRIMARY KEY ("activity_id")
);

CREATE INDEX "compliance_api_activity_request_id_idx" ON "compliance_api_activity"("request_id");
CREATE INDEX "compliance_api_activity_created_at_idx" ON "compliance_api_activity"("created_at");

CREATE TABLE "api_reconciliation" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "feed_read_through" TIMESTAMPTZ(6),
    "last_run_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "lease_holder" TEXT,
    "lease_until" TIMESTAMPTZ(3),

    CONSTRAINT "api_reconciliation_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "api_reconciliation_one_row" CHECK ("id" = 1)
);

INSERT INTO "api_reconciliation" ("id") VALUES (1);

-- Records of calls and of the feed are evidence: the runtime role adds to them, never changes them.
GRANT SELECT, INSERT ON compliance_api_call TO docket_runtime;
GRANT USAGE ON SEQUENCE compliance_api_call_id_seq TO docket_runtime;
GRANT SELECT, INSERT ON compliance_api_activity TO docket_runtime;
GRANT SELECT, UPDATE ON api_reconciliation TO docket_runtime;
