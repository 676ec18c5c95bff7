-- CreateTable
CREATE TABLE "deletion_request" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "idempotency_key" UUID NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "target_kind" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "target_name" TEXT NOT NULL,
    "target_project_id" TEXT,
    "organization_uuid" TEXT,
    "target_created_at" TEXT,
    "open_target" TEXT,
    "hold_keys" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "summary" JSONB NOT NULL,
    "reason_code" TEXT NOT NULL,
    "reason_text" TEXT,
    "reference" TEXT NOT NULL,
    "requester_id" UUID NOT NULL,
    "approvals_required" BOOLEAN NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'requested',
    "decider_id" UUID,
    "decision_comment" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "execution_started_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "upstream_request_id" TEXT,
    "upstream_status" INTEGER,
    "upstream_body" JSONB,
    "outcome" JSONB,
    "reconciliation" JSONB,

    CONSTRAINT "deletion_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deletion_snapshot" (
    "deletion_request_id" UUID NOT NULL,
    "taken_at" TIMESTAMPTZ(3) NOT NULL,
    "content" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "message_count" INTEGER NOT NULL,
    "file_count" INTEGER NOT NULL,
    "stored_file_count" INTEGER NOT NULL,

    CONSTRAINT "deletion_snapshot_pkey" PRIMARY KEY ("deletion_request_id")
);

-- CreateTable
CREATE TABLE "legal_hold" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "matter_name" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "starts_on" DATE NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "released_by_id" UUID,
    "released_at" TIMESTAMPTZ(3),
    "release_reason" TEXT,

    CONSTRAINT "legal_hold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "legal_hold_scope" (
    "hold_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "object_id" TEXT NOT NULL,

    CONSTRAINT "legal_hold_scope_pkey" PRIMARY KEY ("hold_id","kind","object_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "deletion_request_idempotency_key_key" ON "deletion_request"("idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "deletion_request_open_target_key" ON "deletion_request"("open_target");

-- CreateIndex
CREATE INDEX "deletion_request_status_created_at_idx" ON "deletion_request"("status", "created_at");

-- CreateIndex
CREATE INDEX "deletion_request_requester_id_created_at_idx" ON "deletion_request"("requester_id", "created_at");

-- CreateIndex
CREATE INDEX "deletion_request_target_kind_target_id_idx" ON "deletion_request"("target_kind", "target_id");

-- CreateIndex
CREATE INDEX "legal_hold_status_created_at_idx" ON "legal_hold"("status", "created_at");

-- CreateIndex
CREATE INDEX "legal_hold_scope_kind_object_id_idx" ON "legal_hold_scope"("kind", "object_id");

-- AddForeignKey
ALTER TABLE "deletion_request" ADD CONSTRAINT "deletion_request_requester_id_fkey" FOREIGN KEY ("requester_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deletion_request" ADD CONSTRAINT "deletion_request_decider_id_fkey" FOREIGN KEY ("decider_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deletion_snapshot" ADD CONSTRAINT "deletion_snapshot_deletion_request_id_fkey" FOREIGN KEY ("deletion_request_id") REFERENCES "deletion_request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "legal_hold" ADD CONSTRAINT "legal_hold_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "legal_hold" ADD CONSTRAINT "legal_hold_released_by_id_fkey" FOREIGN KEY ("released_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "legal_hold_scope" ADD CONSTRAINT "legal_hold_scope_hold_id_fkey" FOREIGN KEY ("hold_id") REFERENCES "legal_hold"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Written by hand: what the Prisma schema cannot express (CHECK constraints, triggers).
-- ---------------------------------------------------------------------------------------------

ALTER TABLE "deletion_request"
  ADD CONSTRAINT "deletion_request_target_kind_known" CHECK ("target_kind" IN ('chat', 'file', 'project_document', 'project')),
  ADD CONSTRAINT "deletion_request_status_known" CHECK ("status" IN ('requested', 'approved', 'rejected', 'expired', 'executing', 'succeeded', 'failed', 'unknown', 'cancelled')),
  ADD CONSTRAINT "deletion_request_reason_code_known" CHECK ("reason_code" IN ('erasure_request', 'retention_policy', 'data_leak', 'legal_instruction', 'other')),
  ADD CONSTRAINT "deletion_request_reference_present" CHECK (length(btrim("reference")) > 0),
  ADD CONSTRAINT "deletion_request_hold_keys_present" CHECK ("hold_keys" IS NOT NULL),
  -- The one-open-request-per-object guarantee rests on this: an open request always claims its
  -- object in the unique open_target column, and a settled one never does.
  ADD CONSTRAINT "deletion_request_open_target_while_open" CHECK (
    CASE WHEN "status" IN ('rejected', 'expired', 'succeeded', 'failed', 'cancelled')
      THEN "open_target" IS NULL
      ELSE "open_target" IS NOT DISTINCT FROM ("target_kind" || ':' || "target_id")
    END),
  -- A DELETE is sent at most once per request: a second one would blur what the first did.
  ADD CONSTRAINT "deletion_request_attempts_at_most_one" CHECK ("attempts" IN (0, 1)),
  ADD CONSTRAINT "deletion_request_executed_once_started" CHECK (
    "status" NOT IN ('executing', 'succeeded', 'unknown') OR ("attempts" = 1 AND "execution_started_at" IS NOT NULL)),
  ADD CONSTRAINT "deletion_request_decided_with_comment" CHECK (
    "status" NOT IN ('approved', 'rejected', 'executing', 'succeeded', 'unknown')
    OR ("decider_id" IS NOT NULL AND "decided_at" IS NOT NULL AND length(btrim("decision_comment")) > 0));

ALTER TABLE "deletion_snapshot"
  ADD CONSTRAINT "deletion_snapshot_sha256_hex" CHECK ("sha256" ~ '^[0-9a-f]{64}$'),
  ADD CONSTRAINT "deletion_snapshot_sha256_of_content" CHECK ("sha256" = encode(sha256(convert_to("content", 'UTF8')), 'hex'));

ALTER TABLE "legal_hold"
  ADD CONSTRAINT "legal_hold_status_known" CHECK ("status" IN ('active', 'released')),
  ADD CONSTRAINT "legal_hold_text_present" CHECK (length(btrim("matter_name")) > 0 AND length(btrim("reason")) > 0),
  ADD CONSTRAINT "legal_hold_released_with_reason" CHECK (
    ("status" = 'released') = ("released_at" IS NOT NULL AND "released_by_id" IS NOT NULL AND length(btrim("release_reason")) > 0));

ALTER TABLE "legal_hold_scope"
  ADD CONSTRAINT "legal_hold_scope_kind_known" CHECK ("kind" IN ('user', 'project', 'chat'));

-- Evidence is never rewritten or removed: a snapshot and a hold's scope are written once, a hold is
-- released (never deleted), and a deletion request stays as the record of what was asked.
CREATE FUNCTION "docket_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%: % refused', TG_TABLE_NAME, TG_OP
    USING HINT = 'Deletion requests, snapshots and legal holds are kept as evidence.';
END;
$$;

CREATE TRIGGER "deletion_snapshot_write_once" BEFORE UPDATE OR DELETE OR TRUNCATE ON "deletion_snapshot"
  FOR EACH STATEMENT EXECUTE FUNCTION "docket_refuse_change"();

CREATE TRIGGER "legal_hold_scope_write_once" BEFORE UPDATE OR DELETE OR TRUNCATE ON "legal_hold_scope"
  FOR EACH STATEMENT EXECUTE FUNCTION "docket_refuse_change"();

CREATE TRIGGER "legal_hold_kept" BEFORE DELETE OR TRUNCATE ON "legal_hold"
  FOR EACH STATEMENT EXECUTE FUNCTION "docket_refuse_change"();

CREATE TRIGGER "deletion_request_kept" BEFORE DELETE OR TRUNCATE ON "deletion_request"
  FOR EACH STATEMENT EXECUTE FUNCTION "docket_refuse_change"();
