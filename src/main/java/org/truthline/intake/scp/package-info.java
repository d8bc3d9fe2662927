/**
 * DICOM C-STORE receiver (Storage SCP): modalities and PACS push studies to Truthline over DIMSE. Each
 * association is routed by its called AE title to one project, spooled under the data directory and handed to
 * {@link org.truthline.intake.ImportService} as one import job. Network code uses PixelMed's
 * {@code com.pixelmed.network} classes directly; file handling goes through the intake pipeline.
 */
package org.truthline.intake.scp;
