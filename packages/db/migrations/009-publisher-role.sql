-- A role for whoever only publishes (issue 13): it may read the public outputs of its teams'
-- batches (redacted PDFs, inventory, DiWoo metadata, public redaction logs, onderbouwingsrapport)
-- and nothing that names what was removed.
ALTER TABLE api_tokens DROP CONSTRAINT api_tokens_role_check;
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_role_check CHECK (role IN ('coordinator', 'reviewer', 'publisher', 'admin'));
