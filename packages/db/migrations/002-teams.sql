-- Access per team. A token belongs to one or more teams; a batch to the team of its creator and
-- to every team it was shared with. Everything that exists before this migration lands in the
-- default team 'standaard', so existing tokens keep seeing existing batches.
CREATE TABLE api_token_teams (
  token_id uuid NOT NULL REFERENCES api_tokens (id),
  team text NOT NULL CHECK (team ~ '^[a-z0-9][a-z0-9_-]{0,49}$'),
  PRIMARY KEY (token_id, team)
);
INSERT INTO api_token_teams (token_id, team) SELECT id, 'standaard' FROM api_tokens;

-- `shared_by` is NULL for the team a batch was created in.
CREATE TABLE batch_teams (
  batch_id uuid NOT NULL REFERENCES batches (id),
  team text NOT NULL CHECK (team ~ '^[a-z0-9][a-z0-9_-]{0,49}$'),
  shared_by text,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (batch_id, team)
);
CREATE INDEX batch_teams_team ON batch_teams (team, batch_id);
INSERT INTO batch_teams (batch_id, team) SELECT id, 'standaard' FROM batches;

-- Tokens may expire; an expired or revoked token is refused like an unknown one.
ALTER TABLE api_tokens ADD COLUMN expires_at timestamptz;

-- The token that created a batch (names may repeat; the id does not). NULL for older batches.
ALTER TABLE batches ADD COLUMN created_by_token uuid;
