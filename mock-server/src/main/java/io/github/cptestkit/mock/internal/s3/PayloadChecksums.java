package io.github.cptestkit.mock.internal.s3;

import io.github.cptestkit.mock.internal.sigv4.SigV4;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * Checks the integrity values a client sends with an upload: {@code Content-MD5} and the flexible checksums
 * {@code x-amz-checksum-crc32|crc32c|sha1|sha256} (as headers, or as aws-chunked trailers). A mismatch is S3's
 * {@code BadDigest}. {@code x-amz-checksum-crc64nvme} is accepted and kept but not recomputed (the JDK has no
 * CRC-64/NVME).
 *
 * <pre>{@code Optional<ObjectChecksum> checksum = PayloadChecksums.verify(data, contentMd5, checksumValues);}</pre>
 */
final class PayloadChecksums {

    private static final String PREFIX = "x-amz-checksum-";

    private PayloadChecksums() {}

    /**
     * Verifies {@code data} against the Content-MD5 (may be null) and every {@code x-amz-checksum-<algorithm>} in
     * {@code values} (lower-case names); returns the flexible checksum sent, if any.
     */
    static Optional<ObjectChecksum> verify(byte[] data, String contentMd5, Map<String, String> values) {
        if (contentMd5 != null) {
            byte[] md5;
            try {
                md5 = Base64.getDecoder().decode(contentMd5.trim());
            } catch (IllegalArgumentException e) {
                md5 = new byte[0];
            }
            if (md5.length != 16) {
                throw S3ErrorCode.INVALID_DIGEST.error("The Content-MD5 you specified is not valid: it must be the"
                        + " base64 of 16 bytes; it was '" + contentMd5 + "'.");
            }
            if (!MessageDigest.isEqual(md5, SigV4.digest("MD5").digest(data))) {
                throw S3ErrorCode.BAD_DIGEST.error("The Content-MD5 you specified did not match what we received.");
            }
        }
        ObjectChecksum sent = null;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String name = entry.getKey();
            if (!name.startsWith(PREFIX)) {
                continue;
            }
            String algorithm = name.substring(PREFIX.length());
            byte[] computed = compute(algorithm, data);
            if (computed == null && !"crc64nvme".equals(algorithm)) {
                continue;   // x-amz-checksum-algorithm, -type, -mode: not checksum values
            }
            if (computed != null && !Base64.getEncoder().encodeToString(computed).equals(entry.getValue())) {
                throw S3ErrorCode.BAD_DIGEST.error("The " + algorithm.toUpperCase(Locale.ROOT)
                        + " you specified did not match the calculated checksum.");
            }
            sent = new ObjectChecksum(name, entry.getValue());
        }
        return Optional.ofNullable(sent);
    }

    private static byte[] compute(String algorithm, byte[] data) {
        return switch (algorithm) {
            case "crc32" -> crc(new CRC32(), data);
            case "crc32c" -> crc(new CRC32C(), data);
            case "sha1" -> SigV4.digest("SHA-1").digest(data);
            case "sha256" -> SigV4.digest("SHA-256").digest(data);
            default -> null;
        };
    }

    private static byte[] crc(Checksum checksum, byte[] data) {
        checksum.update(data, 0, data.length);
        return ByteBuffer.allocate(4).putInt((int) checksum.getValue()).array();
    }
}
