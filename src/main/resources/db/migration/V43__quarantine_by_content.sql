-- One quarantine entry per distinct file content (SHA-256) in a project. Importing the same bytes again counts
-- another attempt on that entry instead of adding a row. Entries made before this version have no hash, so
-- they are never merged.
ALTER TABLE quarantine_item ADD COLUMN content_sha256 VARCHAR(64);
ALTER TABLE quarantine_item ADD COLUMN attempts INT DEFAULT 1 NOT NULL;
ALTER TABLE quarantine_item ADD COLUMN last_attempt_at TIMESTAMP WITH TIME ZONE;
UPDATE quarantine_item SET last_attempt_at = created_at;
ALTER TABLE quarantine_item ALTER COLUMN last_attempt_at SET NOT NULL;
CREATE UNIQUE INDEX quarantine_item_project_content ON quarantine_item (project_id, content_sha256);
