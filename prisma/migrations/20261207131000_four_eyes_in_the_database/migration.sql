-- Four eyes rest on the database, not on the app's checks alone: a request that needs an approval can
-- reach approved, executing or any later state only with a decider other than its requester, and
-- neither its requester nor whether it needs an approval can change once it is written.

ALTER TABLE "deletion_request"
  ADD CONSTRAINT "deletion_request_four_eyes" CHECK (NOT "approvals_required" OR "decider_id" IS DISTINCT FROM "requester_id");

CREATE FUNCTION "deletion_request_terms_fixed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.requester_id IS DISTINCT FROM OLD.requester_id OR NEW.approvals_required IS DISTINCT FROM OLD.approvals_required THEN
    RAISE EXCEPTION 'deletion_request: a request''s requester and whether it needs an approval are fixed when it is made'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "deletion_request_terms_fixed" BEFORE UPDATE ON "deletion_request"
  FOR EACH ROW EXECUTE FUNCTION "deletion_request_terms_fixed"();
