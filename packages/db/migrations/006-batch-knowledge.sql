-- What each read document teaches the dossier of its batch (names found with certainty, the
-- organisation's e-mail domains, home addresses): learned once per document by the batch's
-- detect job, so later uploads and re-detection reuse it without reading any document again.
-- One row per document, so a retried job or a document learned twice never counts double.
CREATE TABLE batch_knowledge (
  batch_id uuid NOT NULL REFERENCES batches (id),
  document_id uuid NOT NULL REFERENCES documents (id),
  knowledge jsonb NOT NULL,
  learned_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (batch_id, document_id)
);

-- The officials of one Woo request whose names stay visible in this batch (besides the
-- deployment's WOO_OFFICIALS_FILE): what the CLI's --officials is for one run, so an unattended
-- service run keeps the same people visible as the CLI.
ALTER TABLE batches ADD COLUMN officials text[] NOT NULL DEFAULT '{}';
