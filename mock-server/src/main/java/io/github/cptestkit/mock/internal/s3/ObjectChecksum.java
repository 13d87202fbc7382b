package io.github.cptestkit.mock.internal.s3;

import java.util.Objects;

/**
 * A flexible checksum sent with an upload, kept with the object and returned as the same header.
 *
 * <pre>{@code new ObjectChecksum("x-amz-checksum-crc32", "NSRBwg==")}</pre>
 *
 * @param header the header (and trailer) name, {@code x-amz-checksum-<algorithm>}
 * @param value  the base64 checksum value as sent
 */
public record ObjectChecksum(String header, String value) {
    public ObjectChecksum {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(value, "value");
    }
}
