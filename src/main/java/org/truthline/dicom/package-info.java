/**
 * DICOM intake primitives: reading headers under limits, PS3.15 Annex E de-identification and preview rendering,
 * behind {@link org.truthline.dicom.DicomToolkit}. The package knows nothing of projects, processes or screens;
 * intake calls it, never the reverse. Only the contract types are public.
 */
package org.truthline.dicom;
