-- Review app (issue 9): a box may carry more than one Woo ground (the primary stays in `ground`),
-- and a reviewer marks pages as checked (the page checklist), kept across sessions and reviewers.
ALTER TABLE redactions ADD COLUMN additional_grounds text[] NOT NULL DEFAULT '{}';

CREATE TABLE page_checks (
  document_id uuid NOT NULL REFERENCES documents (id),
  page integer NOT NULL CHECK (page >= 1),
  checked_by text NOT NULL,
  checked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (document_id, page)
);
