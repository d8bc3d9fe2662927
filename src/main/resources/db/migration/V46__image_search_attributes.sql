-- Values of each image's de-identified copy that DICOMweb searches (QIDO-RS) return and match on, read when the
-- copy is written. Images imported before this version have NULL here, so searches return these attributes
-- empty for them. NULL is also stored for an attribute that the copy lacks or leaves empty.
ALTER TABLE image ADD COLUMN patient_name VARCHAR;
ALTER TABLE image ADD COLUMN patient_id VARCHAR;
ALTER TABLE image ADD COLUMN patient_birth_date VARCHAR;
ALTER TABLE image ADD COLUMN patient_sex VARCHAR;
ALTER TABLE image ADD COLUMN study_date VARCHAR;
ALTER TABLE image ADD COLUMN study_time VARCHAR;
ALTER TABLE image ADD COLUMN accession_number VARCHAR;
ALTER TABLE image ADD COLUMN referring_physician_name VARCHAR;
ALTER TABLE image ADD COLUMN study_id VARCHAR;
ALTER TABLE image ADD COLUMN study_description VARCHAR;
ALTER TABLE image ADD COLUMN series_number VARCHAR;
ALTER TABLE image ADD COLUMN series_date VARCHAR;
ALTER TABLE image ADD COLUMN series_time VARCHAR;
ALTER TABLE image ADD COLUMN series_description VARCHAR;
ALTER TABLE image ADD COLUMN instance_number VARCHAR;
ALTER TABLE image ADD COLUMN bits_allocated INT;

-- Searches match studies by Patient ID, Study Date and Accession Number.
CREATE INDEX ix_image_patient_id ON image (patient_id);
CREATE INDEX ix_image_study_date ON image (study_date);
CREATE INDEX ix_image_accession_number ON image (accession_number);
