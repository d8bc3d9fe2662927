-- Images that may carry burned-in text wait for a lead's review before labeling starts.
-- burned_in_status: NONE (no review needed), PENDING, CLEARED, MASKED.
ALTER TABLE image ADD COLUMN burned_in_status VARCHAR(20) DEFAULT 'NONE' NOT NULL;
ALTER TABLE image ADD COLUMN burned_in_reason VARCHAR;
ALTER TABLE image ADD COLUMN burned_in_decided_by VARCHAR(100);
ALTER TABLE image ADD COLUMN burned_in_decided_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE import_job ADD COLUMN held_files INT DEFAULT 0 NOT NULL;
