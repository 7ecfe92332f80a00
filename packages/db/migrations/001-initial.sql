-- Batches of documents uploaded together; `document_count` numbers their documents (the
-- inventory's "Nr." column) without racing when two uploads into one batch arrive at once.
CREATE TABLE batches (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  created_by text NOT NULL,
  document_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TYPE document_status AS ENUM (
  'queued', 'extracting', 'ocr', 'detecting', 'in_review', 'exporting', 'exported', 'failed'
);

-- `filename` is only ever shown, never used in a path: blobs are stored under generated keys.
-- `pdf_key` is the PDF the pipeline reads: the upload itself, or an image upload wrapped in a PDF.
-- `export_revision` counts export requests so every request gets its own (deterministic) job.
CREATE TABLE documents (
  id uuid PRIMARY KEY,
  batch_id uuid NOT NULL REFERENCES batches (id),
  number integer NOT NULL,
  filename text NOT NULL,
  kind text CHECK (kind IN ('pdf', 'png', 'jpeg', 'tiff')),
  size_bytes bigint NOT NULL,
  original_key text,
  pdf_key text,
  status document_status NOT NULL,
  error_code text,
  error_message text,
  page_count integer NOT NULL DEFAULT 0,
  export_key text,
  export_policy text,
  export_revision integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (batch_id, number)
);

-- Words with their boxes, as extracted (text layer) or recognised (OCR).
CREATE TABLE pages (
  document_id uuid NOT NULL REFERENCES documents (id),
  number integer NOT NULL,
  width real NOT NULL,
  height real NOT NULL,
  source text NOT NULL CHECK (source IN ('text-layer', 'ocr', 'none')),
  needs_ocr boolean NOT NULL,
  ocr_confidence real,
  words jsonb NOT NULL,
  PRIMARY KEY (document_id, number)
);

CREATE TYPE redaction_status AS ENUM ('suggested', 'accepted', 'rejected', 'manual');

-- Suggestions from the detector (origin 'detector', replaced as a whole when detection reruns)
-- and boxes a reviewer drew or asked for (origin 'reviewer', never replaced).
-- `ordinal` keeps the reading order stable for listings.
CREATE TABLE redactions (
  id uuid PRIMARY KEY,
  ordinal bigint GENERATED ALWAYS AS IDENTITY,
  document_id uuid NOT NULL REFERENCES documents (id),
  origin text NOT NULL CHECK (origin IN ('detector', 'reviewer')),
  page integer NOT NULL,
  boxes jsonb NOT NULL,
  text text NOT NULL,
  category text NOT NULL,
  ground text NOT NULL,
  confidence real NOT NULL,
  detector text NOT NULL,
  explanation text NOT NULL,
  needs_review boolean NOT NULL DEFAULT false,
  status redaction_status NOT NULL,
  decided_by text,
  decided_at timestamptz
);
CREATE INDEX redactions_document ON redactions (document_id, page, ordinal);

-- Every decision and state change that matters for accountability. No foreign keys: nothing
-- that happens to other tables may ever cascade into this one.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  action text NOT NULL,
  batch_id uuid,
  document_id uuid,
  redaction_id uuid,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_document ON audit_log (document_id, id);

-- Append-only, enforced by the database itself so no code path (or hand-typed SQL) can rewrite
-- history. A REVOKE alone would not bind the table owner, which is who the services run as.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
END
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- API tokens: only the SHA-256 of the token is kept; the token itself is shown once.
CREATE TABLE api_tokens (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('coordinator', 'reviewer', 'admin')),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
