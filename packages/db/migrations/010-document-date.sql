-- The date of a document where the source says it (issue 13, the inventory's Datum): the day an
-- e-mail was sent, for the message and its attachments. YYYY-MM-DD, Dutch time.
ALTER TABLE documents ADD COLUMN document_date text CHECK (document_date ~ '^\d{4}-\d{2}-\d{2}$');
