package org.truthline.forms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks submitted values against a form's declared constraints; the UI and the REST API share it. A number field
 * and a numeric choice (a select or radio with whole-number options, such as a grade) take JSON numbers only:
 * a quoted {@code "2"} is rejected so that every client stores the same variable type.
 */
public final class FormValidator {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

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
                    if (field.numericChoice()) {
                        checkNumericChoice(field, label, value, errors);
                    } else {
                        checkChoice(field, label, value, errors);
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
        if (!(value instanceof Number number)) {
            errors.put(field.key(), notANumber(field, label, value, "a JSON number"));
            return;
        }
        double amount = number.doubleValue();
        if (field.min() != null && amount < field.min()) {
            errors.put(field.key(), label + " must be at least " + format(field.min()) + ", not " + value + ".");
        } else if (field.max() != null && amount > field.max()) {
            errors.put(field.key(), label + " must be at most " + format(field.max()) + ", not " + value + ".");
        }
    }

    private static void checkChoice(FormField field, String label, Object value, Map<String, String> errors) {
        String text = String.valueOf(value);
        if (field.options().stream().noneMatch(o -> o.value().equals(text))) {
            errors.put(field.key(), label + " has the invalid value '" + text + "'; choose one of "
                    + field.options().stream().map(FormField.Option::value).toList() + ".");
        }
    }

    private static void checkNumericChoice(FormField field, String label, Object value, Map<String, String> errors) {
        List<Long> choices = field.options().stream().map(o -> Long.parseLong(o.value())).toList();
        if (!(value instanceof Number number)) {
            errors.put(field.key(), notANumber(field, label, value, "a JSON number, one of " + choices));
            return;
        }
        double amount = number.doubleValue();
        if (amount != Math.rint(amount) || !choices.contains((long) amount)) {
            errors.put(field.key(), label + " has the invalid value " + value + "; choose one of " + choices + ".");
        }
    }

    /** Builds the message for a value of the wrong JSON type, with the corrected JSON member when there is one. */
    private static String notANumber(FormField field, String label, Object value, String expected) {
        if (!(value instanceof String text)) {
            return label + " must be " + expected + ", not " + value + ".";
        }
        String unquoted = text.strip();
        String fix = DECIMAL.matcher(unquoted).matches()
                ? "send it without quotes: \"" + field.key() + "\": " + unquoted + "."
                : "send a number without quotes.";
        return label + " must be " + expected + ", not the string \"" + text + "\"; " + fix;
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
