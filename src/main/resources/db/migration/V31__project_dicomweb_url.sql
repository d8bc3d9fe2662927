-- Base URL of the PACS DICOMweb service that studies are pulled from (QIDO-RS and WADO-RS), for example
-- http://127.0.0.1:8042/dicom-web. Null means the project has no PACS to pull from.
ALTER TABLE project ADD COLUMN dicomweb_url VARCHAR(2000);
