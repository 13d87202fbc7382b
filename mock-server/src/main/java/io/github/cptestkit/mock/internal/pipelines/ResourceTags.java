package io.github.cptestkit.mock.internal.pipelines;

import io.github.cptestkit.schemas.AwsError;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tags of one pipeline or custom action type, and AWS's tag rules (limits.md, "Pipeline tags", "Pipeline tag key
 * names", "Pipeline tag values"): at most 50 a resource, keys unique, no {@code aws:} prefix, letters, numbers,
 * spaces and {@code + - = . _ : / @} only. Not thread-safe: guarded by {@link ControlPlane}.
 *
 * <pre>{@code
 * ResourceTags tags = new ResourceTags(50);
 * tags.add(List.of(new ResourceTags.Tag("team", "payments")), "pipeline release");
 * tags.asMap();   // {team=payments}
 * }</pre>
 */
public final class ResourceTags {

    /** One tag as a request lists it. */
    public record Tag(String key, String value) {
        public Tag {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private final int limit;
    private final Map<String, String> tags = new LinkedHashMap<>();

    ResourceTags(int limit) {
        this.limit = limit;
    }

    /** Checks {@code added} (as TagResource or a create call lists them) without applying it. */
    void check(List<Tag> added, String resource) {
        Set<String> keys = new HashSet<>();
        for (Tag tag : added) {
            if (!keys.add(tag.key())) {
                throw new ControlPlaneRefusal(AwsError.INVALID_TAGS, "The tag key '" + tag.key() + "' is listed"
                        + " twice for " + resource + ": tag keys must be unique, each with one value");
            }
            if (tag.key().regionMatches(true, 0, "aws:", 0, 4)) {
                throw new ControlPlaneRefusal(AwsError.INVALID_TAGS, "The tag key '" + tag.key() + "' of " + resource
                        + " begins with 'aws:', which AWS reserves for its own tags: choose another key");
            }
            if (!ALLOWED.matcher(tag.key()).matches() || !ALLOWED.matcher(tag.value()).matches()) {
                throw new ControlPlaneRefusal(AwsError.INVALID_TAGS, "The tag '" + tag.key() + "' of " + resource
                        + " has a character tags may not hold: keys and values take letters, numbers, spaces and"
                        + " + - = . _ : / @ only");
            }
        }
        Set<String> after = new HashSet<>(tags.keySet());
        after.addAll(keys);
        if (after.size() > limit) {
            throw new ControlPlaneRefusal(AwsError.TOO_MANY_TAGS, "Tagging " + resource + " would give it "
                    + after.size() + " tags, but a resource can have at most " + limit + ": untag some first");
        }
    }

    /** Adds (or re-values) {@code added} after {@link #check}ing them. */
    void add(List<Tag> added, String resource) {
        check(added, resource);
        added.forEach(tag -> tags.put(tag.key(), tag.value()));
    }

    /** Removes the tags with these keys; keys it does not have are ignored. */
    void remove(Collection<String> keys, String resource) {
        for (String key : keys) {
            if (key.regionMatches(true, 0, "aws:", 0, 4)) {
                throw new ControlPlaneRefusal(AwsError.INVALID_TAGS, "The tag key '" + key + "' of " + resource
                        + " begins with 'aws:', which AWS reserves: such tags cannot be removed");
            }
        }
        keys.forEach(tags::remove);
    }

    /** The tags, in the order they were first given. */
    Map<String, String> asMap() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** The tags as a list, in order. */
    List<Tag> asList() {
        return tags.entrySet().stream().map(e -> new Tag(e.getKey(), e.getValue())).toList();
    }
}
