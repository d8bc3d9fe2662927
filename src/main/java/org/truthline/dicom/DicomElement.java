package org.truthline.dicom;

import java.util.List;

/**
 * One attribute of a data set, in the form DICOM JSON (PS3.18 Annex F) needs.
 *
 * @param tag the group in the high 16 bits and the element in the low 16 bits
 * @param vr the two-letter value representation
 * @param values the values as text: numbers as the file writes them, person names with their {@code ^} and
 *     {@code =} delimiters, attribute tags as 8 upper-case hexadecimal digits. Empty for sequences, bulk data and
 *     attributes without a value.
 * @param items the items of a sequence, each a list of attributes in tag order; empty for other VRs
 * @param bulkDataPath for a value left out as bulk data, the path {@link DicomToolkit#readBulkData} takes; null
 *     for every other attribute
 */
public record DicomElement(int tag, String vr, List<String> values, List<List<DicomElement>> items,
        String bulkDataPath) {

    /** The path of Pixel Data (7FE0,0010), whose value {@link DicomToolkit#decodeFrames} reads frame by frame. */
    public static final String PIXEL_DATA_PATH = "7FE00010";

    public DicomElement {
        values = List.copyOf(values);
        items = List.copyOf(items);
    }

    public boolean isBulkData() {
        return bulkDataPath != null;
    }
}
