package org.truthline.ui.component;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashMap;
import java.util.Map;
import org.truthline.forms.FormDefinition;
import org.truthline.forms.FormField;
import org.truthline.forms.FormValidator;

/**
 * Renders a Camunda Forms (form-js) definition with Vaadin fields: textfield, textarea, number, select, radio,
 * checkbox and text. Required fields carry the required marker; constraint messages come from
 * {@link FormValidator} or from the server's field errors and are shown on the fields themselves. The fields'
 * own client-side validation is turned off so that these messages are the only ones shown.
 */
public class FormRenderer extends FormLayout {

    private final FormDefinition form;
    private final Map<String, HasValue<?, ?>> inputs = new LinkedHashMap<>();

    public FormRenderer(FormDefinition form) {
        this.form = form;
        setResponsiveSteps(new ResponsiveStep("0", 1));
        for (FormField field : form.fields()) {
            Component component = create(field);
            if (component == null) {
                continue;
            }
            add(component);
            if (field.isInput() && component instanceof HasValue<?, ?> input) {
                inputs.put(field.key(), input);
            }
        }
    }

    public FormDefinition form() {
        return form;
    }

    /** Returns the input for a field key, or null when the form has no such input. */
    public HasValue<?, ?> input(String key) {
        return inputs.get(key);
    }

    private static Component create(FormField field) {
        String label = field.label() != null ? field.label() : field.key();
        Component component = switch (field.type()) {
            case "textfield" -> {
                TextField text = new TextField(label);
                if (field.maxLength() != null) {
                    text.setMaxLength(field.maxLength());
                }
                yield text;
            }
            case "textarea" -> {
                TextArea area = new TextArea(label);
                area.setMinHeight("6em");
                if (field.maxLength() != null) {
                    area.setMaxLength(field.maxLength());
                }
                yield area;
            }
            case "number" -> {
                NumberField number = new NumberField(label);
                number.setStepButtonsVisible(true);
                if (field.min() != null) {
                    number.setMin(field.min());
                }
                if (field.max() != null) {
                    number.setMax(field.max());
                }
                yield number;
            }
            case "select" -> {
                Select<String> select = new Select<>();
                select.setLabel(label);
                select.setItems(field.options().stream().map(FormField.Option::value).toList());
                select.setItemLabelGenerator(value -> optionLabel(field, value));
                select.setEmptySelectionAllowed(!field.required());
                select.setEmptySelectionCaption("Not set");
                yield select;
            }
            case "radio" -> {
                RadioButtonGroup<String> radio = new RadioButtonGroup<>(label);
                radio.setItems(field.options().stream().map(FormField.Option::value).toList());
                radio.setItemLabelGenerator(value -> optionLabel(field, value));
                yield radio;
            }
            case "checkbox" -> new Checkbox(label);
            case "text" -> field.text() == null ? null : new Markdown(field.text());
            default -> null;
        };
        if (component == null) {
            return null;
        }
        if (field.key() != null) {
            component.setId("field-" + field.key());
        }
        if (component instanceof HasValue<?, ?> input) {
            input.setRequiredIndicatorVisible(field.required());
        }
        if (component instanceof HasValidation validated) {
            validated.setManualValidation(true);
        }
        if (field.description() != null && component instanceof HasHelper helped) {
            helped.setHelperText(field.description());
        }
        return component;
    }

    private static String optionLabel(FormField field, String value) {
        if (value == null) {
            return "";
        }
        return field.options().stream().filter(o -> o.value().equals(value)).map(FormField.Option::label)
                .findFirst().orElse(value);
    }

    /** Fills the fields whose keys appear in {@code values}; unknown keys and unparsable values are ignored. */
    public void setValues(Map<String, ?> values) {
        values.forEach((key, value) -> {
            HasValue<?, ?> input = inputs.get(key);
            if (input != null && value != null) {
                setValue(input, value);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static void setValue(HasValue<?, ?> input, Object value) {
        if (input instanceof NumberField number) {
            if (value instanceof Number n) {
                number.setValue(n.doubleValue());
            } else {
                try {
                    number.setValue(Double.parseDouble(value.toString()));
                } catch (NumberFormatException ignored) {
                    // A prefill that is not a number leaves the field empty for the user to fill.
                }
            }
        } else if (input instanceof Checkbox checkbox) {
            checkbox.setValue(Boolean.parseBoolean(value.toString()));
        } else if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            // A whole-number prefill for a numeric choice such as a grade; 2.0 must select the option "2".
            ((HasValue<?, String>) input).setValue(String.valueOf(n.longValue()));
        } else {
            ((HasValue<?, String>) input).setValue(value.toString());
        }
    }

    /**
     * Returns the entered values keyed by field key, in form order. Empty fields are left out. Whole numbers and
     * the choice of a numeric select or radio (see {@link FormField#numericChoice()}) are returned as
     * {@link Long}, as a REST client sends them, so that integer variables such as a grade stay integers.
     */
    public Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        inputs.forEach((key, input) -> {
            Object value = input.getValue();
            if (value instanceof Double number && number == Math.rint(number) && !number.isInfinite()) {
                value = number.longValue();
            }
            if (value instanceof String choice && !choice.isBlank()
                    && form.field(key).filter(FormField::numericChoice).isPresent()) {
                value = Long.parseLong(choice);
            }
            if (value instanceof String text && text.isBlank()) {
                value = null;
            }
            if (value != null) {
                values.put(key, value);
            }
        });
        return values;
    }

    /** Validates the entered values with {@link FormValidator}, shows the errors and returns them. */
    public Map<String, String> validate() {
        Map<String, String> errors = FormValidator.validate(form, values());
        showErrors(errors);
        return errors;
    }

    /**
     * Marks the fields named in {@code errors} invalid with their messages and clears the others; entered values
     * stay as they are. Focuses the first invalid field.
     *
     * @return the errors whose key is not a field of this form, for the caller to show elsewhere
     */
    public Map<String, String> showErrors(Map<String, String> errors) {
        Map<String, String> unmatched = new LinkedHashMap<>(errors);
        Component first = null;
        for (Map.Entry<String, HasValue<?, ?>> entry : inputs.entrySet()) {
            String message = unmatched.remove(entry.getKey());
            if (entry.getValue() instanceof HasValidation validated) {
                validated.setErrorMessage(message);
                validated.setInvalid(message != null);
            }
            if (message != null && first == null && entry.getValue() instanceof Component component) {
                first = component;
            }
        }
        if (first instanceof Focusable<?> focusable) {
            focusable.focus();
        }
        return unmatched;
    }

    public void clearErrors() {
        showErrors(Map.of());
    }

    public void setReadOnly(boolean readOnly) {
        inputs.values().forEach(input -> input.setReadOnly(readOnly));
    }

    /** Returns the error message shown on a field, or null when the field is valid; for tests and screen readers. */
    public String errorOf(String key) {
        HasValue<?, ?> input = inputs.get(key);
        return input instanceof HasValidation validated && validated.isInvalid() ? validated.getErrorMessage() : null;
    }
}
