-- Quarantine entries without a kept copy: symbolic links, FIFOs, devices and sockets, files that a DICOMDIR lists
-- but that are missing, and files larger than truthline.intake.max-file-bytes. Such entries have no kept_path
-- and no content_sha256, so they are never merged with later attempts.
ALTER TABLE quarantine_item ALTER COLUMN kept_path DROP NOT NULL;

-- Duplicate detection compares data sets, so the same object written with other File Meta Information (another
-- sender's AE title) or another encoding is recognised. original_sha256 stays the SHA-256 of the whole original
-- file, which also names it in originals/. original_dataset_sha256 is the SHA-256 of the original's data set in
-- the canonical encoding of org.truthline.dicom.DataSetDigest, and original_transfer_syntax_uid the transfer
-- syntax of the original's data set. Intake fills both the first time another file with the same SOP Instance
-- UID but other bytes arrives, so they are empty until then.
ALTER TABLE image ADD COLUMN original_dataset_sha256 VARCHAR(64);
ALTER TABLE image ADD COLUMN original_transfer_syntax_uid VARCHAR(64);
ALTER TABLE companion_object ADD COLUMN original_dataset_sha256 VARCHAR(64);
ALTER TABLE companion_object ADD COLUMN original_transfer_syntax_uid VARCHAR(64);
