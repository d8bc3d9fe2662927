package org.truthline.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;

/** Looks up a functional group macro of an enhanced multi-frame object: per-frame first, then shared. */
final class FunctionalGroups {

    private FunctionalGroups() {
    }

    /** Returns the single item of {@code macro} that applies to the frame (0-based), or null when absent. */
    static AttributeList find(AttributeList list, int frame, AttributeTag macro) {
        AttributeList perFrame = item(list.get(TagFromName.PerFrameFunctionalGroupsSequence), frame);
        AttributeList found = perFrame == null ? null : item(perFrame.get(macro), 0);
        if (found != null) {
            return found;
        }
        AttributeList shared = item(list.get(TagFromName.SharedFunctionalGroupsSequence), 0);
        return shared == null ? null : item(shared.get(macro), 0);
    }

    private static AttributeList item(Attribute attribute, int index) {
        if (attribute instanceof SequenceAttribute sequence && index < sequence.getNumberOfItems()) {
            return sequence.getItem(index).getAttributeList();
        }
        return null;
    }
}
