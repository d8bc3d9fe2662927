package org.truthline.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Reads the Camunda Forms files ({@code *.form}) of the forms folder. A form is found by its schema {@code id},
 * which user tasks name in {@code camunda:formRef}. Files are re-read when they change on disk.
 */
@Service
public class FormRegistry {

    private final Path formsDir;
    private final ObjectMapper mapper;
    private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(long modified, FormDefinition form) {
    }

    public FormRegistry(@Value("${truthline.forms-dir:./forms}") Path formsDir, ObjectMapper mapper) {
        this.formsDir = formsDir;
        this.mapper = mapper;
    }

    public Path formsDir() {
        return formsDir;
    }

    /** Returns the form whose schema id is {@code formId}, or empty when no file in the forms folder declares it. */
    public Optional<FormDefinition> find(String formId) {
        return all().stream().filter(form -> form.id().equals(formId)).findFirst();
    }

    /** Returns the form with that id or fails with a message naming the id and the folder searched. */
    public FormDefinition require(String formId) {
        return find(formId).orElseThrow(() -> new IllegalStateException(
                "Form '" + formId + "' not found: no *.form file in " + formsDir.toAbsolutePath()
                        + " has \"id\": \"" + formId + "\". Add the form or fix the camunda:formRef."));
    }

    /** Returns every form in the folder, sorted by file name. */
    public List<FormDefinition> all() {
        if (!Files.isDirectory(formsDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(formsDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".form")).sorted().map(this::load).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list forms in " + formsDir.toAbsolutePath(), e);
        }
    }

    private FormDefinition load(Path file) {
        try {
            long modified = Files.getLastModifiedTime(file).toMillis();
            Cached cached = cache.get(file);
            if (cached != null && cached.modified() == modified) {
                return cached.form();
            }
            FormDefinition form = parse(file.getFileName().toString(), mapper.readTree(file.toFile()));
            cache.put(file, new Cached(modified, form));
            return form;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read form " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    static FormDefinition parse(String fileName, JsonNode schema) {
        String id = schema.path("id").asText(null);
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("Form " + fileName + " has no \"id\"; give the schema an id that "
                    + "user tasks can name in camunda:formRef.");
        }
        List<FormField> fields = new ArrayList<>();
        collect(schema.path("components"), fields);
        return new FormDefinition(id, fileName, List.copyOf(fields));
    }

    private static void collect(JsonNode components, List<FormField> into) {
        for (JsonNode c : components) {
            String type = c.path("type").asText();
            if ("group".equals(type) || "dynamiclist".equals(type)) {
                collect(c.path("components"), into);
                continue;
            }
            JsonNode validate = c.path("validate");
            List<FormField.Option> options = new ArrayList<>();
            for (JsonNode v : c.path("values")) {
                options.add(new FormField.Option(v.path("value").asText(), v.path("label").asText(v.path("value").asText())));
            }
            into.add(new FormField(
                    text(c, "key"), type, text(c, "label"), text(c, "description"), text(c, "text"),
                    validate.path("required").asBoolean(false),
                    number(validate, "min"), number(validate, "max"),
                    validate.has("minLength") ? validate.get("minLength").asInt() : null,
                    validate.has("maxLength") ? validate.get("maxLength").asInt() : null,
                    List.copyOf(options)));
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static Double number(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asDouble() : null;
    }
}
