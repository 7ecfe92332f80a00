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
