-- The AE title a modality or PACS calls to send studies into this project over C-STORE (DICOM AE titles are
-- at most 16 characters). Null means the project receives no C-STORE traffic of its own.
ALTER TABLE project ADD COLUMN ae_title VARCHAR(16);
ALTER TABLE project ADD CONSTRAINT uq_project_ae_title UNIQUE (ae_title);
