package org.truthline.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.StringAttribute;
import com.pixelmed.dicom.TagFromName;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes text attributes with the data set's Specific Character Set through PixelMed. PixelMed decodes
 * ISO_IR 100/126/144/192, GB18030 and ISO 2022 IR 87 correctly, but for some code extensions it throws or
 * returns text that still contains an escape sequence or U+FFFD. Such a value is returned in a marked raw form,
 * {@code [undecoded <Specific Character Set>] 0x<hex>}, so a screen can show that something is there without
 * guessing the characters.
 */
final class TextDecoder {

    static final String UNDECODED_PREFIX = "[undecoded ";

    private static final Logger log = LoggerFactory.getLogger(TextDecoder.class);
    private static final char ESCAPE = '\u001B';
    private static final char REPLACEMENT = '\uFFFD';

    private TextDecoder() {
    }

    static Map<String, String> decodeAll(AttributeList list, List<String> keywords) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String keyword : keywords) {
            String text = decode(list, Keywords.tag(keyword));
            if (text != null) {
                texts.put(keyword, text);
            }
        }
        return texts;
    }

    /** Returns the attribute's values joined by a backslash, the marked raw form, or null when it is absent. */
    static String decode(AttributeList list, AttributeTag tag) {
        Attribute attribute = list.get(tag);
        if (attribute == null) {
            return null;
        }
        try {
            String[] values = attribute.getStringValues();
            String text = values == null ? "" : String.join("\\", trimAll(values));
            if (text.indexOf(ESCAPE) < 0 && text.indexOf(REPLACEMENT) < 0) {
                return text;
            }
        } catch (DicomException | RuntimeException e) {
            log.warn("Value of {} cannot be decoded with Specific Character Set [{}] ({}); returned as raw bytes",
                    tag, characterSet(list), e.toString());
        }
        return undecoded(list, attribute);
    }

    private static String[] trimAll(String[] values) {
        String[] trimmed = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            trimmed[i] = values[i] == null ? "" : values[i].trim();
        }
        return trimmed;
    }

    private static String undecoded(AttributeList list, Attribute attribute) {
        byte[] bytes;
        try {
            bytes = attribute instanceof StringAttribute ? attribute.getByteValues() : new byte[0];
        } catch (DicomException | RuntimeException e) {
            bytes = new byte[0];
        }
        return UNDECODED_PREFIX + characterSet(list) + "] 0x" + HexFormat.of().withUpperCase().formatHex(bytes);
    }

    private static String characterSet(AttributeList list) {
        return Attribute.getDelimitedStringValuesOrEmptyString(list, TagFromName.SpecificCharacterSet).trim();
    }
}
