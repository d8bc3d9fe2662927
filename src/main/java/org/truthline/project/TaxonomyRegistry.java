package org.truthline.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers the label schemas of the taxonomies folder ({@code <key>.json} with {@code key} and {@code version})
 * as rows of {@code taxonomy}, so every final label can name the exact taxonomy version it was made under.
 */
@Service
public class TaxonomyRegistry {

    private final Path taxonomiesDir;
    private final JdbcClient jdbc;
    private final ObjectMapper mapper;

    public TaxonomyRegistry(@Value("${truthline.taxonomies-dir:./config/taxonomies}") Path taxonomiesDir,
            JdbcClient jdbc, ObjectMapper mapper) {
        this.taxonomiesDir = taxonomiesDir;
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /**
     * Returns the taxonomy row id for the file {@code <key>.json}, inserting a row when this key and version
     * are new. A changed file must carry a new version number.
     */
    @Transactional
    public long register(String key) {
        Path file = taxonomiesDir.resolve(key + ".json");
        if (!key.matches("[a-z0-9][a-z0-9-]*") || !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Taxonomy '" + key + "' not found: expected the file "
                    + file.toAbsolutePath() + " (lower-case letters, digits and hyphens).");
        }
        String definition;
        JsonNode json;
        try {
            definition = Files.readString(file);
            json = mapper.readTree(definition);
        } catch (IOException e) {
            throw new IllegalArgumentException("Taxonomy file " + file.toAbsolutePath() + " is not valid JSON: "
                    + e.getMessage(), e);
        }
        if (!key.equals(json.path("key").asText()) || !json.path("version").canConvertToInt()) {
            throw new IllegalArgumentException("Taxonomy file " + file.toAbsolutePath()
                    + " needs \"key\": \"" + key + "\" and an integer \"version\".");
        }
        int version = json.path("version").asInt();
        Optional<TaxonomyRow> existing = jdbc.sql("SELECT id, definition FROM taxonomy WHERE taxonomy_key = ? AND version = ?")
                .params(key, version)
                .query((rs, n) -> new TaxonomyRow(rs.getLong("id"), rs.getString("definition"))).optional();
        if (existing.isPresent()) {
            if (!sameJson(existing.get().definition(), json)) {
                throw new IllegalStateException("Taxonomy '" + key + "' version " + version + " changed on disk "
                        + "but kept its version number; raise \"version\" in " + file.toAbsolutePath()
                        + " so labels made under the old schema stay traceable.");
            }
            return existing.get().id();
        }
        jdbc.sql("INSERT INTO taxonomy (taxonomy_key, version, definition, created_at) VALUES (?, ?, ?, ?)")
                .params(key, version, definition, OffsetDateTime.now()).update();
        return jdbc.sql("SELECT id FROM taxonomy WHERE taxonomy_key = ? AND version = ?").params(key, version)
                .query(Long.class).single();
    }

    private boolean sameJson(String stored, JsonNode current) {
        try {
            return mapper.readTree(stored).equals(current);
        } catch (IOException e) {
            return false;
        }
    }

    private record TaxonomyRow(long id, String definition) {
    }
}
