package io.github.cptestkit.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * The bytes stored at an artifact's S3 location (a zip file), so a mock artifact store can serve them.
 *
 * <pre>{@code
 * ArtifactObject object = job.artifacts().get(0);
 * try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(object.content()))) { ... }
 * }</pre>
 *
 * @param location where the object lies
 * @param content  the object's bytes; copied in and out, so the value stays immutable
 */
public record ArtifactObject(S3ArtifactLocation location, byte[] content) {

    /**
     * Checks both are given and copies the bytes.
     *
     * @param location where the object lies, not null
     * @param content  the object's bytes, not null; the array is copied
     * @throws NullPointerException if either is null
     */
    public ArtifactObject {
        Objects.requireNonNull(location, "location");
        content = Objects.requireNonNull(content, "content").clone();
    }

    /**
     * A copy of the bytes.
     *
     * @return a new array on every call, the caller's to change
     */
    @Override
    public byte[] content() {
        return content.clone();
    }

    /**
     * The size in bytes.
     *
     * @return the length of the content, 0 or more
     */
    public int size() {
        return content.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArtifactObject that && location.equals(that.location)
                && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return 31 * location.hashCode() + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "ArtifactObject[location=" + location + ", size=" + content.length + "]";
    }
}
