-- Collections (issue 15): what a reviewer asked to gather, the lists the worker walks with their
-- cursors, the items it gathers, the content-addressed evidence store's index, and the API budget
-- every Docket process shares.

CREATE TABLE "collection" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "matter" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "scope" JSONB NOT NULL,
    "created_range" JSONB,
    "updated_range" JSONB,
    "include" TEXT[],
    "state" TEXT NOT NULL DEFAULT 'queued',
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "items_done" INTEGER NOT NULL DEFAULT 0,
    "items_known" INTEGER NOT NULL DEFAULT 0,
    "bytes" BIGINT NOT NULL DEFAULT 0,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "errors" INTEGER NOT NULL DEFAULT 0,
    "failure_reason" TEXT,
    "docket_version" TEXT NOT NULL,

    CONSTRAINT "collection_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "collection_walk" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "collection_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "cursor" TEXT,
    "first_cursor" TEXT,
    "last_cursor" TEXT,
    "records" INTEGER NOT NULL DEFAULT 0,
    "pages" INTEGER NOT NULL DEFAULT 0,
    "final_request_id" TEXT,
    "done" BOOLEAN NOT NULL DEFAULT false,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "lease_owner" TEXT,
    "lease_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "collection_walk_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "collection_item" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "collection_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "upstream_id" TEXT NOT NULL,
    "parent_id" TEXT,
    "custodian_id" TEXT,
    "custodian_email" TEXT,
    "organization_uuid" TEXT,
    "upstream_created_at" TEXT,
    "upstream_updated_at" TEXT,
    "name" TEXT,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lease_owner" TEXT,
    "lease_until" TIMESTAMPTZ(3),
    "sha256" TEXT,
    "size" BIGINT,
    "transcript_sha256" TEXT,
    "transcript_size" BIGINT,
    "md5_verdict" TEXT,
    "md5_expected" TEXT,
    "md5_actual" TEXT,
    "soft_deleted" BOOLEAN NOT NULL DEFAULT false,
    "error" TEXT,
    "messages" INTEGER,
    "collected_by" TEXT,
    "done_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "collection_item_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "evidence_object" (
    "sha256" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "md5" TEXT NOT NULL,
    "stored_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evidence_object_pkey" PRIMARY KEY ("sha256")
);

CREATE TABLE "api_budget" (
    "id" TEXT NOT NULL,
    "request_limit" INTEGER NOT NULL,
    "used" INTEGER NOT NULL,
    "window_resets_at" TIMESTAMPTZ(3) NOT NULL,
    "blocked_until" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_budget_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "collection_created_at_idx" ON "collection"("created_at");
CREATE UNIQUE INDEX "collection_walk_collection_id_key_key" ON "collection_walk"("collection_id", "key");
CREATE UNIQUE INDEX "collection_item_collection_id_kind_upstream_id_key" ON "collection_item"("collection_id", "kind", "upstream_id");
CREATE INDEX "collection_item_collection_id_state_created_at_kind_upstrea_idx" ON "collection_item"("collection_id", "state", "created_at", "kind", "upstream_id");

ALTER TABLE "collection" ADD CONSTRAINT "collection_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "collection_walk" ADD CONSTRAINT "collection_walk_collection_id_fkey" FOREIGN KEY ("collection_id") REFERENCES "collection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "collection_item" ADD CONSTRAINT "collection_item_collection_id_fkey" FOREIGN KEY ("collection_id") REFERENCES "collection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The names the code relies on, checked where they are stored.
ALTER TABLE "collection"
  ADD CONSTRAINT "collection_state_known" CHECK ("state" IN ('queued', 'running', 'paused', 'succeeded', 'failed', 'cancelled')),
  ADD CONSTRAINT "collection_include_known" CHECK (
    cardinality("include") > 0
    AND "include" <@ ARRAY['chats', 'files', 'generated_files', 'artifacts', 'project_documents', 'sessions']::TEXT[]),
  ADD CONSTRAINT "collection_matter_present" CHECK (length(btrim("matter")) > 0),
  ADD CONSTRAINT "collection_counters_not_negative" CHECK ("items_done" >= 0 AND "items_known" >= "items_done" AND "bytes" >= 0 AND "requests" >= 0 AND "errors" >= 0);
ALTER TABLE "collection_item"
  ADD CONSTRAINT "collection_item_kind_known" CHECK ("kind" IN ('chat', 'file', 'generated_file', 'artifact_version', 'project_document')),
  ADD CONSTRAINT "collection_item_state_known" CHECK ("state" IN ('pending', 'done', 'failed', 'vanished')),
  ADD CONSTRAINT "collection_item_md5_verdict_known" CHECK ("md5_verdict" IS NULL OR "md5_verdict" IN ('matched', 'mismatched', 'not_provided')),
  -- A chat is read for its files even when chats themselves are not collected: then it stores nothing.
  ADD CONSTRAINT "collection_item_done_has_object" CHECK ("state" <> 'done' OR "sha256" IS NOT NULL OR "kind" = 'chat');
ALTER TABLE "evidence_object"
  ADD CONSTRAINT "evidence_object_sha256_hex" CHECK ("sha256" ~ '^[0-9a-f]{64}$'),
  ADD CONSTRAINT "evidence_object_md5_hex" CHECK ("md5" ~ '^[0-9a-f]{32}$');
