package org.truthline.image;

import java.util.List;
import org.truthline.dicom.WindowSetting;

/**
 * A de-identified image as staff and contributors may see it: remapped UIDs and header facts, no
 * patient-identifying value and no original file name.
 */
public record ImageRecord(
        long id,
        long projectId,
        String sopInstanceUid,
        String modality,
        int rows,
        int columns,
        int frames,
        List<WindowSetting> windows) {
}
