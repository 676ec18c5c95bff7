-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "issuer" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "email" TEXT,
    "name" TEXT,
    "idp_groups" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_sign_in_at" TIMESTAMPTZ(3),

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auth_session" (
    "token_hash" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "auth_time" TIMESTAMPTZ(3),

    CONSTRAINT "auth_session_pkey" PRIMARY KEY ("token_hash")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "seq" BIGINT NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_issuer" TEXT,
    "actor_subject" TEXT,
    "actor_email" TEXT,
    "actor_roles" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "action" TEXT NOT NULL,
    "target_type" TEXT,
    "target_id" TEXT,
    "organization_id" TEXT,
    "params" JSONB NOT NULL DEFAULT '{}',
    "outcome" TEXT NOT NULL,
    "request_id" TEXT,
    "upstream_request_id" TEXT,
    "client_ip" TEXT,
    "user_agent" TEXT,
    "body_sha256" BYTEA NOT NULL,
    "prev_hash" BYTEA NOT NULL,
    "row_hash" BYTEA NOT NULL,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "app_user_issuer_subject_key" ON "app_user"("issuer", "subject");

-- CreateIndex
CREATE INDEX "auth_session_user_id_idx" ON "auth_session"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "audit_event_prev_hash_key" ON "audit_event"("prev_hash");

-- CreateIndex
CREATE UNIQUE INDEX "audit_event_row_hash_key" ON "audit_event"("row_hash");

-- CreateIndex
CREATE INDEX "audit_event_action_seq_idx" ON "audit_event"("action", "seq");

-- CreateIndex
CREATE INDEX "audit_event_actor_subject_seq_idx" ON "audit_event"("actor_subject", "seq");

-- CreateIndex
CREATE INDEX "audit_event_target_type_target_id_seq_idx" ON "audit_event"("target_type", "target_id", "seq");

-- CreateIndex
CREATE INDEX "audit_event_occurred_at_idx" ON "audit_event" USING BRIN ("occurred_at");

-- AddForeignKey
ALTER TABLE "auth_session" ADD CONSTRAINT "auth_session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Written by hand: what the Prisma schema cannot express (CHECK constraints, functions, triggers).
-- ---------------------------------------------------------------------------------------------

-- Prisma maps String[] to a nullable array column; NULL would be a second spelling of "no groups"
-- or "no roles" (and, in the audit log, a body the application never hashed).
ALTER TABLE "app_user"
  ADD CONSTRAINT "app_user_idp_groups_present" CHECK ("idp_groups" IS NOT NULL);

ALTER TABLE "audit_event"
  ADD CONSTRAINT "audit_event_seq_positive" CHECK ("seq" > 0),
  ADD CONSTRAINT "audit_event_action_entity_verb" CHECK ("action" ~ '^[a-z_]+\.[a-z_]+$'),
  ADD CONSTRAINT "audit_event_outcome_known" CHECK ("outcome" IN ('success', 'denied', 'failure', 'intent')),
  ADD CONSTRAINT "audit_event_actor_roles_present" CHECK ("actor_roles" IS NOT NULL),
  ADD CONSTRAINT "audit_event_params_object" CHECK (jsonb_typeof("params") = 'object'),
  -- These also hold under session_replication_role = replica, where triggers do not fire: an
  -- insert that skips the chain trigger has no hashes and is refused.
  ADD CONSTRAINT "audit_event_body_sha256_length" CHECK (octet_length("body_sha256") = 32),
  ADD CONSTRAINT "audit_event_prev_hash_length" CHECK (octet_length("prev_hash") = 32),
  ADD CONSTRAINT "audit_event_row_hash_length" CHECK (octet_length("row_hash") = 32);

-- Links each new row to the chain head. Whatever the writer sent for seq, prev_hash and row_hash is
-- overwritten, so no writer, buggy or not, can fork or reorder the chain:
--   * the transaction-scoped advisory lock (key: the ASCII of "dktaudit") serialises appends until
--     commit, without needing UPDATE on any row;
--   * seq = head + 1, so the sequence is gap-free and the verifier can treat a gap as a deletion;
--   * row_hash = sha256(prev_hash || int8send(seq) || body_sha256), built-in since PostgreSQL 11.
-- The function is VOLATILE (the default), so under READ COMMITTED its SELECT takes a new snapshot
-- after the lock is granted and sees the head committed by the previous writer. Under REPEATABLE
-- READ it can see a stale head; the insert then fails on the primary key instead of forking.
CREATE FUNCTION "audit_event_chain_append"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head_seq bigint;
  head_hash bytea;
BEGIN
  PERFORM pg_advisory_xact_lock(7236005188230998388);
  SELECT seq, row_hash INTO head_seq, head_hash FROM audit_event ORDER BY seq DESC LIMIT 1;
  IF head_seq IS NULL THEN
    NEW.seq := 1;
    NEW.prev_hash := decode(repeat('00', 32), 'hex');
  ELSE
    NEW.seq := head_seq + 1;
    NEW.prev_hash := head_hash;
  END IF;
  NEW.row_hash := sha256(NEW.prev_hash || int8send(NEW.seq) || NEW.body_sha256);
  RETURN NEW;
END;
$$;

-- Pin the function to this migration's schema, with pg_temp last, so a caller's search_path (or a
-- temporary table named audit_event) cannot point the head lookup at another table.
DO $$
BEGIN
  EXECUTE format('ALTER FUNCTION "audit_event_chain_append"() SET search_path = %I, pg_temp', current_schema());
END;
$$;

CREATE FUNCTION "audit_event_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP
    USING HINT = 'Audit events can only be appended (lib/server/audit/record-audit-event.ts).';
END;
$$;

CREATE TRIGGER "audit_event_chain" BEFORE INSERT ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_chain_append"();

-- Statement-level, so it also refuses TRUNCATE (row triggers never fire for it) and an UPDATE or
-- DELETE that matches no row.
CREATE TRIGGER "audit_event_append_only" BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_event"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_refuse_change"();
