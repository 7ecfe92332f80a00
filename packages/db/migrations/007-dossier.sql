-- Decisions a reviewer took once for a whole batch (issue 10): a person with the name variants
-- the dossier knows, an e-mail address, a phone number or a string. Applied to every occurrence
-- when taken, and to occurrences found later (new uploads, re-detection). `variants` holds the
-- strings the entity was known as when decided; documents detected later add their own.
CREATE TABLE batch_rules (
  id uuid PRIMARY KEY,
  batch_id uuid NOT NULL REFERENCES batches (id),
  entity jsonb NOT NULL,
  variants text[] NOT NULL,
  status text NOT NULL CHECK (status IN ('accepted', 'rejected')),
  ground text NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX batch_rules_batch ON batch_rules (batch_id, created_at);

-- The organisation's own lists, applied to every batch: officials who stay visible, its
-- functional mailboxes (info@...), strings always kept and strings always redacted.
-- `value_key` (lower case, single spaces) keeps one entry per list for "Jan  Jansen" and "jan jansen".
CREATE TABLE org_list_entries (
  list text NOT NULL CHECK (list IN ('officials', 'mailboxes', 'keep', 'redact')),
  value text NOT NULL CHECK (length(value) BETWEEN 1 AND 200),
  value_key text NOT NULL,
  added_by text NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (list, value_key)
);

-- Strings redacted in one place of a batch and explicitly allowed to stay readable in another
-- (the consistency check before export lists them until they are resolved or allowed here).
CREATE TABLE consistency_allowances (
  batch_id uuid NOT NULL REFERENCES batches (id),
  entity_key text NOT NULL,
  reason text NOT NULL,
  allowed_by text NOT NULL,
  allowed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (batch_id, entity_key)
);
