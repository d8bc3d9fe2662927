-- Quarantine entries without a kept copy: symbolic links, FIFOs, devices and sockets, files that a DICOMDIR lists
-- but that are missing, and files larger than truthline.intake.max-file-bytes. Such entries have no kept_path
-- and no content_sha256, so they are never merged with later attempts.
ALTER TABLE quarantine_item ALTER COLUMN kept_path DROP NOT NULL;

