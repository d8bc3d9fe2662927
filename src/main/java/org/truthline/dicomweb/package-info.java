/**
 * DICOMweb: a read-only QIDO-RS and WADO-RS server under {@code /dicomweb} for the de-identified copies of images
 * and companion objects (never the originals), filtered by the same visibility rule as
 * {@link org.truthline.image.ImageService}, with companion objects visible with their study's images, and a client
 * that pulls studies from a project's PACS over QIDO-RS and WADO-RS into the intake pipeline. The server reads
 * headers, frames and bulk data only through {@link org.truthline.dicom.DicomToolkit}.
 */
package org.truthline.dicomweb;
