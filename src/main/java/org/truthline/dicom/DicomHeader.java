package org.truthline.dicom;

import com.pixelmed.dicom.AttributeList;

/**
 * The header of one file that passed every limit check, read up to (not including) Pixel Data.
 *
 * @param rawDataSetTransferSyntaxUid for a file without preamble and File Meta, the transfer syntax detected
 *     from its first element; null for a Part 10 file
 * @param transferSyntaxUid the transfer syntax of the data set
 */
record DicomHeader(
        String fileName,
        AttributeList attributes,
        String rawDataSetTransferSyntaxUid,
        String transferSyntaxUid,
        boolean hasPixelData,
        PixelGeometry geometry) {
}
