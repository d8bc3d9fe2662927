package org.truthline.forms;

import java.util.List;
import java.util.Optional;

/** A parsed Camunda Forms file: its id (the {@code camunda:formRef} value) and its components in order. */
public record FormDefinition(String id, String fileName, List<FormField> fields) {

    public Optional<FormField> field(String key) {
        return fields.stream().filter(f -> key.equals(f.key())).findFirst();
    }

    public List<FormField> inputs() {
        return fields.stream().filter(FormField::isInput).toList();
    }
}
