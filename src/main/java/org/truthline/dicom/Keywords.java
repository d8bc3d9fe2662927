package org.truthline.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;

/** Attribute tags by DICOM keyword, for attributes in PixelMed's dictionary that its TagFromName lacks. */
final class Keywords {

    static final AttributeTag MODALITY_LUT_SEQUENCE = tag("ModalityLUTSequence");

    private Keywords() {
    }

    static AttributeTag tag(String keyword) {
        AttributeTag tag = AttributeList.getDictionary().getTagFromName(keyword);
        if (tag == null) {
            throw new IllegalStateException("PixelMed's dictionary has no attribute named " + keyword);
        }
        return tag;
    }
}
