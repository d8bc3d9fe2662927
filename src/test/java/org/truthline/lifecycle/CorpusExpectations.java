package org.truthline.lifecycle;

import java.util.Map;

/**
 * The expected outcome of each corpus file taken through the whole lifecycle. FINAL_LABEL: the image reaches a
 * label directly. HELD_THEN_FINAL_LABEL: it first waits for a burned-in annotation review (BurnedInAnnotation
 * absent, or a modality that often burns text in) until a lead clears it. Any other value is a quarantine reason.
 */
final class CorpusExpectations {

    static final Map<String, String> OUTCOMES = Map.ofEntries(
            Map.entry("01-modalities/CR_MONOCHROME1_chest.dcm", "HELD_THEN_FINAL_LABEL"),
            Map.entry("01-modalities/CT_small.dcm", "HELD_THEN_FINAL_LABEL"),
            Map.entry("01-modalities/DX_MONOCHROME1_dx_image.dcm", "FINAL_LABEL"),
            Map.entry("01-modalities/MR_enhanced_multiframe_emri_small.dcm", "FINAL_LABEL"),
            Map.entry("01-modalities/MR_siemens_mosaic_0051.dcm", "HELD_THEN_FINAL_LABEL"),
            Map.entry("01-modalities/MR_small.dcm", "HELD_THEN_FINAL_LABEL"),
            Map.entry("01-modalities/SM_slide_microscopy_rgb.dcm", "FINAL_LABEL"),
            Map.entry("01-modalities/US_multiframe_palette_RLE_10f.dcm", "HELD_THEN_FINAL_LABEL"),
            Map.entry("01-modalities/VL_colour_photo_3340x2670_J2K.dcm", "HELD_THEN_FINAL_LABEL"),
            Map.entry("02-transfer-syntaxes/MR_small_J2K_lossless.dcm", "HELD_THEN_FINAL_LABEL"),
            // Debian's pixelmed_imageio has no JPEG-LS decoder.
            Map.entry("02-transfer-syntaxes/MR_small_JPEG-LS_lossless.dcm", "UNSUPPORTED_TRANSFER_SYNTAX"),
            Map.entry("02-transfer-syntaxes/MR_small_RLE.dcm", "HELD_THEN_FINAL_LABEL"),
            Map.entry("02-transfer-syntaxes/MR_small_explicit_VR_BE.dcm", "HELD_THEN_FINAL_LABEL"),
            Map.entry("02-transfer-syntaxes/MR_small_implicit_VR_LE.dcm", "HELD_THEN_FINAL_LABEL"),
            Map.entry("02-transfer-syntaxes/NM_JPEG_lossless_SV1.dcm", "HELD_THEN_FINAL_LABEL"),
            Map.entry("02-transfer-syntaxes/OT_RGB_RLE.dcm", "HELD_THEN_FINAL_LABEL"),
            Map.entry("02-transfer-syntaxes/OT_deflated_image_dfl.dcm", "HELD_THEN_FINAL_LABEL"),
            Map.entry("02-transfer-syntaxes/US_JPEG_baseline_Philips.dcm", "HELD_THEN_FINAL_LABEL"));

    private CorpusExpectations() {
    }
}
