/**
 * DICOM intake primitives: reading headers under limits, PS3.15 Annex E de-identification and preview rendering,
 * behind {@link org.truthline.dicom.DicomToolkit}. The package uses no project, process or screen code. Intake
 * calls it, never the reverse. Only the contract types and the limits record are public.
 */
package org.truthline.dicom;
