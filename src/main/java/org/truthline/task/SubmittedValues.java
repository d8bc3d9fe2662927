package org.truthline.task;

import java.util.Map;

/** Reads submitted form values that {@code FormValidator} already checked, whatever JSON type they came in. */
public final class SubmittedValues {

    private SubmittedValues() {
    }

    public static Integer integer(Map<String, Object> values, String key) {
        Object value = values.get(key);
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        if (value instanceof Number number) {
            return number.intValue();
        }
        return (int) Double.parseDouble(String.valueOf(value).strip());
    }

    public static String text(Map<String, Object> values, String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value).strip();
        return text.isEmpty() ? null : text;
    }

    public static boolean flag(Map<String, Object> values, String key) {
        Object value = values.get(key);
        return value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value));
    }
}
