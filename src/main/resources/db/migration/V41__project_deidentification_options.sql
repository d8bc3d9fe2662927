-- De-identification options a project chooses on top of the PS3.15 Annex E Basic Profile. The salt makes the
-- per-patient date shift of one project unpredictable from another project's.
ALTER TABLE project ADD COLUMN deid_retain_dates BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE project ADD COLUMN deid_retain_patient_characteristics BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE project ADD COLUMN deid_clean_descriptors BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE project ADD COLUMN deid_date_shift_salt VARCHAR(64);
