-- E-mail, Office files and zip archives (issue 11). `kind` is the kind of the source file
-- (`source_key`): an upload is kept as it came in, and for a converted document the working PDF
-- the stages read is `original_key`/`pdf_key` (set by the convert job). Attachments and archive
-- members are documents of their own: one family per uploaded file (`family_id` is the uploaded
-- document's id, `family_position` 0 for it, then depth first), an attachment points at its
-- message (`parent_document_id`). The unique family key makes a retried convert job unable to
-- add an attachment twice. `unhidden` says what was hidden in an Office source and shown in the
-- working PDF; `thread_id` is a short hash of the mail thread's root Message-ID (never the id).
ALTER TABLE documents DROP CONSTRAINT documents_kind_check;
ALTER TABLE documents ADD CONSTRAINT documents_kind_check
  CHECK (kind IN ('pdf', 'png', 'jpeg', 'tiff', 'eml', 'msg', 'office', 'zip'));
ALTER TABLE documents ADD COLUMN source_key text;
ALTER TABLE documents ADD COLUMN family_id uuid;
ALTER TABLE documents ADD COLUMN family_position integer;
ALTER TABLE documents ADD COLUMN parent_document_id uuid REFERENCES documents (id);
ALTER TABLE documents ADD COLUMN unhidden text[] NOT NULL DEFAULT '{}';
ALTER TABLE documents ADD COLUMN thread_id text;
CREATE UNIQUE INDEX documents_family_position ON documents (family_id, family_position) WHERE family_id IS NOT NULL;
-- an upload's source is the upload itself
UPDATE documents SET source_key = original_key;
