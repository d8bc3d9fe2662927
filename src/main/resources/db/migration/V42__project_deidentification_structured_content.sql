-- The Clean Structured Content Option: keep SR content trees and other content item sequences, cleaned, instead
-- of removing them. Off for existing projects, so their imports behave as before.
ALTER TABLE project ADD COLUMN deid_clean_structured_content BOOLEAN DEFAULT FALSE NOT NULL;
