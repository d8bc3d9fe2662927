package org.truthline.forms;

import java.util.LinkedHashMap;
import java.util.Map;

/** Checks submitted values against a form's declared constraints; the UI and the REST API share it. */
public final class FormValidator {

    private FormValidator() {
    }

    /**
     * Validates {@code values} against {@code form}.
     *
     * @return field key to error message, in form order; empty when every value is valid
     */
    public static Map<String, String> validate(FormDefinition form, Map<String, ?> values) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FormField field : form.inputs()) {
            Object value = values.get(field.key());
            String label = field.label() != null ? field.label() : field.key();
            boolean blank = value == null || (value instanceof String s && s.isBlank());
            if (blank) {
                if (field.required()) {
                    errors.put(field.key(), label + " is required.");
                }
                continue;
            }
            switch (field.type()) {
                case "number" -> checkNumber(field, label, value, errors);
                case "select", "radio" -> {
                    String text = String.valueOf(value);
                    if (field.options().stream().noneMatch(o -> o.value().equals(text))) {
                        errors.put(field.key(), label + " has the invalid value '" + text + "'; choose one of "
                                + field.options().stream().map(FormField.Option::value).toList() + ".");
                    }
                }
                case "checkbox" -> {
                    if (!(value instanceof Boolean) && !"true".equals(value) && !"false".equals(value)) {
                        errors.put(field.key(), label + " must be true or false, not '" + value + "'.");
                    } else if (field.required() && !Boolean.parseBoolean(String.valueOf(value))) {
                        errors.put(field.key(), label + " must be checked.");
                    }
                }
                default -> {
                    if (value instanceof Map<?, ?> || value instanceof Iterable<?>) {
                        errors.put(field.key(), label + " must be text, not a JSON object or list.");
                    } else {
                        checkText(field, label, String.valueOf(value), errors);
                    }
                }
            }
        }
        for (String key : values.keySet()) {
            if (form.field(key).filter(FormField::isInput).isEmpty()) {
                errors.put(key, "Unknown field '" + key + "' for form '" + form.id() + "'; allowed fields are "
                        + form.inputs().stream().map(FormField::key).toList() + ".");
            }
        }
        return errors;
    }

    private static void checkNumber(FormField field, String label, Object value, Map<String, String> errors) {
        double number;
        try {
            number = value instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(value));
        } catch (NumberFormatException e) {
            errors.put(field.key(), label + " must be a number, not '" + value + "'.");
            return;
        }
        if (field.min() != null && number < field.min()) {
            errors.put(field.key(), label + " must be at least " + format(field.min()) + ", not " + value + ".");
        } else if (field.max() != null && number > field.max()) {
            errors.put(field.key(), label + " must be at most " + format(field.max()) + ", not " + value + ".");
        }
    }

    private static void checkText(FormField field, String label, String text, Map<String, String> errors) {
        if (field.minLength() != null && text.strip().length() < field.minLength()) {
            errors.put(field.key(), label + " needs at least " + field.minLength() + " characters.");
        } else if (field.maxLength() != null && text.length() > field.maxLength()) {
            errors.put(field.key(), label + " allows at most " + field.maxLength() + " characters, got "
                    + text.length() + ".");
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
