-- One row per upload request that carried an Idempotency-Key: a client retrying after a timeout
-- gets the documents of its first request instead of a second copy. Scoped to the token, so one
-- caller's key never answers for another's.
CREATE TABLE upload_requests (
  batch_id uuid NOT NULL REFERENCES batches (id),
  token_id uuid NOT NULL REFERENCES api_tokens (id),
  idempotency_key text NOT NULL,
  document_ids uuid[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (batch_id, token_id, idempotency_key)
);
