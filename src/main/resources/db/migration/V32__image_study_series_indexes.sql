-- DICOMweb looks images up by their (remapped) study and series UIDs.
CREATE INDEX ix_image_study ON image (study_instance_uid);
CREATE INDEX ix_image_series ON image (series_instance_uid);
