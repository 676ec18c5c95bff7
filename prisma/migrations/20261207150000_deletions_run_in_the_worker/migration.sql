-- Deletions are executed by the worker, the only process holding the delete-scoped key: the web app
-- marks an approved request as queued and the worker takes it; the worker reports what it learnt of
-- its key for the web app to show.

ALTER TABLE deletion_request ADD COLUMN execution_queued_at TIMESTAMPTZ(3);
ALTER TABLE deletion_request ADD COLUMN execution_error TEXT;

-- Requests approved before this migration ran in the web process already, or were left approved after
-- a refusal: none is queued, so none starts without a person asking.

CREATE TABLE delete_key_report (
  id TEXT PRIMARY KEY,
  reason TEXT NOT NULL CHECK (reason IN ('available', 'delete_scope_missing', 'admin_key', 'no_delete_key', 'unverified')),
  message TEXT NOT NULL,
  key_id TEXT,
  scopes TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  evidence JSONB NOT NULL,
  reported_by TEXT NOT NULL,
  checked_at TIMESTAMPTZ(3) NOT NULL
);

GRANT SELECT, INSERT, UPDATE ON delete_key_report TO docket_runtime;
