-- When the image of an assignment was first served to its contributor: metadata, thumbnail, rendering or the
-- DICOM file, over /api/images or DICOMweb. A lead may reopen a burned-in annotation decision only while no
-- contributor has opened the image or submitted work on it.
ALTER TABLE assignment ADD COLUMN opened_at TIMESTAMP WITH TIME ZONE;

-- Earlier versions did not record this, so an assignment made before counts as opened at its creation.
UPDATE assignment SET opened_at = created_at;

CREATE INDEX ix_assignment_image ON assignment (image_id);
