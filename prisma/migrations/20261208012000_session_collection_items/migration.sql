-- Collections gather sessions too: each kept as the API's JSON with a Markdown transcript, like a chat.
ALTER TABLE "collection_item" DROP CONSTRAINT "collection_item_kind_known";
ALTER TABLE "collection_item"
  ADD CONSTRAINT "collection_item_kind_known"
  CHECK ("kind" IN ('chat', 'file', 'generated_file', 'artifact_version', 'project_document', 'local_session', 'remote_session'));
