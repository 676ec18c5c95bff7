-- Claude Code artifacts can be deleted through the same four-eyes workflow as chats, files and projects.
ALTER TABLE "deletion_request" DROP CONSTRAINT "deletion_request_target_kind_known";
ALTER TABLE "deletion_request"
  ADD CONSTRAINT "deletion_request_target_kind_known" CHECK ("target_kind" IN ('chat', 'file', 'project_document', 'project', 'code_artifact'));
