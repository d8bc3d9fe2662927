package org.truthline.labeling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a taxonomy definition (the JSON stored in {@code taxonomy.definition}, as in
 * {@code config/taxonomies/finding-severity.json}) that labeling uses.
 *
 * @param grades allowed grade values in scale order
 * @param qualities image-quality classes from best to worst
 */
public record Taxonomy(String key, int version, String name, String guidelines, List<Integer> grades,
        List<String> qualities) {

    public static Taxonomy parse(String json, ObjectMapper mapper) {
        try {
            JsonNode root = mapper.readTree(json);
            List<Integer> grades = new ArrayList<>();
            root.path("grades").forEach(g -> grades.add(g.path("value").asInt()));
            List<String> qualities = new ArrayList<>();
            root.path("qualities").forEach(q -> qualities.add(q.path("value").asText()));
            return new Taxonomy(root.path("key").asText(), root.path("version").asInt(), root.path("name").asText(),
                    root.path("guidelines").asText(null), List.copyOf(grades), List.copyOf(qualities));
        } catch (IOException e) {
            throw new UncheckedIOException("Taxonomy definition is not valid JSON: " + e.getMessage(), e);
        }
    }
}
