package org.truthline.forms;

import java.util.List;

/**
 * One component of a Camunda Forms (form-js) schema. Display-only components such as {@code text} have no key.
 *
 * @param type form-js component type: textfield, textarea, number, select, radio, checkbox, text
 * @param options allowed values for select and radio, in schema order
 */
public record FormField(
        String key,
        String type,
        String label,
        String description,
        String text,
        boolean required,
        Double min,
        Double max,
        Integer minLength,
        Integer maxLength,
        List<Option> options) {

    /** One allowed value with its display label. */
    public record Option(String value, String label) {
    }

    public boolean isInput() {
        return key != null && !"text".equals(type);
    }

    /**
     * Returns true for a select or radio whose option values are all whole numbers, such as a grade. form-js
     * stores option values as strings, but the value submitted for such a field is a JSON number.
     */
    public boolean numericChoice() {
        return ("select".equals(type) || "radio".equals(type)) && !options.isEmpty()
                && options.stream().allMatch(o -> o.value() != null && o.value().matches("-?\\d{1,9}"));
    }
}
