package org.truthline.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.StringAttribute;
import com.pixelmed.dicom.TagFromName;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes text attributes with the data set's Specific Character Set through PixelMed. PixelMed 20220618
 * decodes ISO_IR 100/126/144/192, GB18030 and ISO 2022 IR 87 correctly. For some code extensions it throws, or
 * returns text that still contains an escape sequence or U+FFFD. GB2312 text under a lone "ISO 2022 IR 58" is
 * one such case. Such a value is returned in a marked raw form,
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
            if (!looksUndecoded(text, rawBytes(attribute))) {
                return text;
            }
            log.warn("Value of {} still contains escape sequences after decoding with Specific Character Set [{}];"
                    + " returned as raw bytes", tag, characterSet(list));
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

    /**
     * Returns true when decoding left the ESC byte, U+FFFD, or the tail of an ISO 2022 escape sequence of the
     * raw value (such as "$)A" of ESC $ ) A) in the text. A decoder that understood the escape sequence consumes
     * it whole. A literal "$B" or "(B" in a name would also match, which costs only a raw display.
     */
    static boolean looksUndecoded(String text, byte[] raw) {
        if (text.indexOf(ESCAPE) >= 0 || text.indexOf(REPLACEMENT) >= 0) {
            return true;
        }
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != ESCAPE) {
                continue;
            }
            // An escape sequence is ESC, intermediate bytes 0x20-0x2F, then one final byte 0x30-0x7E.
            int end = i + 1;
            while (end < raw.length && raw[end] >= 0x20 && raw[end] <= 0x2F) {
                end++;
            }
            if (end < raw.length && end > i + 1) {
                String tail = new String(raw, i + 1, end - i, StandardCharsets.US_ASCII);
                if (text.contains(tail)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String undecoded(AttributeList list, Attribute attribute) {
        return UNDECODED_PREFIX + characterSet(list) + "] 0x"
                + HexFormat.of().withUpperCase().formatHex(rawBytes(attribute));
    }

    /** Returns the value bytes as read from the file, or none when PixelMed cannot return them. */
    private static byte[] rawBytes(Attribute attribute) {
        try {
            byte[] bytes = attribute instanceof StringAttribute ? attribute.getByteValues() : null;
            return bytes == null ? new byte[0] : bytes;
        } catch (DicomException | RuntimeException e) {
            return new byte[0];
        }
    }

    private static String characterSet(AttributeList list) {
        return Attribute.getDelimitedStringValuesOrEmptyString(list, TagFromName.SpecificCharacterSet).trim();
    }
}
