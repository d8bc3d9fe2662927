package org.truthline.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import java.util.ArrayList;
import java.util.List;

/** Builds {@link DicomSummary}, {@link SearchAttributes} and window lists from a header. */
final class Summaries {

    private Summaries() {
    }

    static DicomSummary of(DicomHeader header) {
        AttributeList list = header.attributes();
        PixelGeometry geometry = header.geometry();
        String burnedIn = Attribute.getSingleStringValueOrNull(list, TagFromName.BurnedInAnnotation);
        return new DicomSummary(
                string(list, TagFromName.SOPInstanceUID),
                string(list, TagFromName.SOPClassUID),
                string(list, TagFromName.StudyInstanceUID),
                string(list, TagFromName.SeriesInstanceUID),
                string(list, TagFromName.Modality),
                header.transferSyntaxUid(),
                header.hasPixelData() ? geometry.photometricInterpretation() : null,
                geometry.rows(),
                geometry.columns(),
                header.hasPixelData() ? geometry.frames() : 0,
                geometry.bitsAllocated(),
                windows(list, 0),
                burnedIn == null ? null : burnedIn.trim(),
                header.hasPixelData());
    }

    /** Reads the search attributes of a de-identified copy's data set; never call it on an original. */
    static SearchAttributes searchAttributes(AttributeList copy) {
        return new SearchAttributes(
                text(copy, TagFromName.PatientName),
                text(copy, TagFromName.PatientID),
                text(copy, TagFromName.PatientBirthDate),
                text(copy, TagFromName.PatientSex),
                text(copy, TagFromName.StudyDate),
                text(copy, TagFromName.StudyTime),
                text(copy, TagFromName.AccessionNumber),
                text(copy, TagFromName.ReferringPhysicianName),
                text(copy, TagFromName.StudyID),
                text(copy, TagFromName.StudyDescription),
                text(copy, TagFromName.SeriesNumber),
                text(copy, TagFromName.SeriesDate),
                text(copy, TagFromName.SeriesTime),
                text(copy, TagFromName.SeriesDescription),
                text(copy, TagFromName.InstanceNumber));
    }

    private static String text(AttributeList list, AttributeTag tag) {
        String value = TextDecoder.decode(list, tag);
        return value == null || value.isBlank() ? null : value;
    }

    private static String string(AttributeList list, AttributeTag tag) {
        String value = Attribute.getSingleStringValueOrNull(list, tag);
        return value == null ? null : value.trim();
    }

    /**
     * Returns the windows that apply to one frame (0-based): those of the frame's Frame VOI LUT Sequence in the
     * per-frame or shared functional groups of an enhanced object, else the top-level Window Center and Width.
     */
    static List<WindowSetting> windows(AttributeList list, int frame) {
        AttributeList frameVoi = FunctionalGroups.find(list, frame, TagFromName.FrameVOILUTSequence);
        if (frameVoi != null) {
            List<WindowSetting> perFrame = windowsIn(frameVoi);
            if (!perFrame.isEmpty()) {
                return perFrame;
            }
        }
        return windowsIn(list);
    }

    private static List<WindowSetting> windowsIn(AttributeList list) {
        List<WindowSetting> windows = new ArrayList<>();
        try {
            double[] centers = doubles(list.get(TagFromName.WindowCenter));
            double[] widths = doubles(list.get(TagFromName.WindowWidth));
            Attribute explanationAttribute = list.get(TagFromName.WindowCenterWidthExplanation);
            String[] explanations = explanationAttribute == null ? null : explanationAttribute.getStringValues();
            int count = Math.min(centers.length, widths.length);
            for (int i = 0; i < count; i++) {
                String explanation = explanations != null && i < explanations.length ? explanations[i].trim() : null;
                windows.add(new WindowSetting(centers[i], widths[i], explanation));
            }
        } catch (DicomException | NumberFormatException e) {
            return List.of();
        }
        return List.copyOf(windows);
    }

    private static double[] doubles(Attribute attribute) throws DicomException {
        return attribute == null || attribute.getVM() == 0 ? new double[0] : attribute.getDoubleValues();
    }
}
