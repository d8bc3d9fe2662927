package org.truthline.dicom;

import java.util.HashMap;
import java.util.Map;

/** A project remapper for tests: each new UID gets the next 2.25 UID, and repeats get the same one. */
final class TestRemapper implements UidRemapper {

    private final Map<String, String> replacements = new HashMap<>();

    @Override
    public String remap(String originalUid) {
        return replacements.computeIfAbsent(originalUid, uid -> "2.25." + (1000 + replacements.size()));
    }

    Map<String, String> replacements() {
        return replacements;
    }
}
