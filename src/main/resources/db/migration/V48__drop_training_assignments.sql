-- Earlier versions wrote one TRAINING assignment row per gold-standard case when a contributor enrolled in
-- training. The rows stayed after the training ended, so the contributor could view every gold image for good.
-- DICOMweb also shows a contributor any image with an assignment row. A contributor now sees a gold image only
-- while its qualification case task is open, and that check needs no row.
DELETE FROM assignment WHERE status = 'TRAINING';
