package io.github.cptestkit.schemas.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Walks the generated schema documents along an instance path, following {@code $ref}s, to answer what a
 * member's schema is and whether it is sensitive. Used only where a violation or a redaction needs it, never on
 * the validation hot path.
 */
public final class SchemaNavigator {

    /** A schema node and the document it lies in (needed to resolve its relative {@code $ref}s). */
    public record Located(String file, JsonNode node, boolean sensitive) {}

    private final Map<String, JsonNode> documents = new ConcurrentHashMap<>();
    private final Function<String, JsonNode> reader;

    /**
     * @param reader reads the document of a file name, or answers {@code null} when there is none; each document is
     *               read once, when first needed (a run that never looks at a schema reads none)
     */
    public SchemaNavigator(Function<String, JsonNode> reader) {
        this.reader = reader;
    }

    /** The raw document; an {@link IllegalArgumentException} when there is none of that name. */
    public JsonNode document(String file) {
        JsonNode doc = documents.computeIfAbsent(file, reader);
        if (doc == null) {
            throw new IllegalArgumentException("no schema document named " + file);
        }
        return doc;
    }

    /**
     * The schema that applies at {@code segments} below the root of {@code file}, with {@code $ref}s followed;
     * {@code null} where the schema says nothing about that member (unknown members are allowed).
     */
    public Located at(String file, List<String> segments) {
        Located current = resolve(file, document(file), false);
        for (String segment : segments) {
            JsonNode node = current.node();
            JsonNode next = node.path("properties").get(segment);
            if (next == null && node.has("items") && isIndex(segment)) {
                next = node.get("items");
            }
            if (next == null && node.path("additionalProperties").isObject()) {
                next = node.get("additionalProperties");
            }
            if (next == null) {
                return null;
            }
            current = resolve(current.file(), next, current.sensitive());
        }
        return current;
    }

    /** Whether the member at {@code segments}, or anything that contains it, is marked sensitive. */
    public boolean isSensitive(String file, List<String> segments) {
        for (int depth = 0; depth <= segments.size(); depth++) {
            Located located = at(file, segments.subList(0, depth));
            if (located == null) {
                return false;
            }
            if (located.sensitive()) {
                return true;
            }
        }
        return false;
    }

    /** Follows {@code $ref}s from {@code node}, noting any sensitive mark met on the way. */
    public Located resolve(String file, JsonNode node, boolean sensitive) {
        String currentFile = file;
        JsonNode current = node;
        boolean marked = sensitive || current.path(SchemaGenerator.SENSITIVE).asBoolean(false);
        for (int hops = 0; current.has("$ref"); hops++) {
            if (hops > 32) {
                throw new IllegalStateException("$ref chain too long in " + file);
            }
            String ref = current.get("$ref").asText();
            int hash = ref.indexOf('#');
            String target = hash == 0 ? currentFile : ref.substring(0, hash < 0 ? ref.length() : hash);
            JsonNode doc = document(target);
            current = hash < 0 ? doc : doc.at(ref.substring(hash + 1));
            if (current.isMissingNode()) {
                throw new IllegalStateException("unresolvable $ref " + ref + " in " + currentFile);
            }
            currentFile = target;
            marked = marked || current.path(SchemaGenerator.SENSITIVE).asBoolean(false);
        }
        return new Located(currentFile, current, marked);
    }

    private static boolean isIndex(String segment) {
        return !segment.isEmpty() && segment.chars().allMatch(Character::isDigit);
    }
}
