/**
 * DICOMweb: a read-only QIDO-RS and WADO-RS server under {@code /dicomweb} for the de-identified copies (never the
 * originals), filtered by the same visibility rule as {@link org.truthline.image.ImageService}, and a client
 * that pulls studies from a project's PACS over QIDO-RS and WADO-RS into the intake pipeline. The server reads
 * headers, frames and bulk data only through {@link org.truthline.dicom.DicomToolkit}.
 */
package org.truthline.dicomweb;
