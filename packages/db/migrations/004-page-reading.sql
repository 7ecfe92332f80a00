-- Ink accounting (issue: nothing painted leaves unread): a page can be read partly from its text
-- layer and partly by OCR ('mixed'), and it records what OCR was asked to read, what it could
-- not read with confidence, and the text layer's hidden text (reported, never published).
ALTER TABLE pages DROP CONSTRAINT pages_source_check;
ALTER TABLE pages ADD CONSTRAINT pages_source_check CHECK (source IN ('text-layer', 'ocr', 'mixed', 'none'));
ALTER TABLE pages ADD COLUMN ocr_regions jsonb;
ALTER TABLE pages ADD COLUMN unread_regions jsonb;
ALTER TABLE pages ADD COLUMN hidden_words jsonb;
