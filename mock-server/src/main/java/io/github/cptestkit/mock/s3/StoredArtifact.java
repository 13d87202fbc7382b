package io.github.cptestkit.mock.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * An object of the emulated artifact bucket, as a test sees it: typically an output artifact the worker uploaded.
 *
 * <p><b>Its bytes are in the heap</b>: the record holds a copy of them all, and {@link #content()} and
 * {@link #zipEntries()} copy them again, so an artifact of hundreds of MiB needs that much heap in the test's JVM.
 * {@link #zipEntryNames()} and {@link #zipEntryText(String)} keep no entry but the one asked for. To read a large
 * artifact without it, stream it from the mock: S3 {@code GetObject} at the mock's endpoint (any S3 client, with the
 * job's artifact credentials), or the admin API's {@code GET /__admin/codepipeline/jobs/{id}/artifacts/{name}}
 * (its bytes; {@code ?format=entries} for its entry list), both sent as they are read from the store.
 *
 * <pre>{@code
 * StoredArtifact output = mock.outputArtifact(jobId, "BuildOutput").orElseThrow();
 * assertThat(output.zipEntryText("result.json")).contains("\"ok\":true");
 * assertThat(output.serverSideEncryption()).isEqualTo("aws:kms");
 * }</pre>
 *
 * @param bucket               the bucket
 * @param key                  the key
 * @param content              the bytes, in the heap (copied in and out)
 * @param etag                 the ETag, quoted, as S3 sends it
 * @param lastModified         when it was written, on the mock's clock
 * @param contentType          its Content-Type
 * @param serverSideEncryption {@code AES256} (S3's default), {@code aws:kms}, ...
 * @param kmsKeyId             the KMS key id the upload named, if any
 * @param userMetadata         its x-amz-meta-* values, by lower-case name without the prefix
 */
public record StoredArtifact(String bucket, String key, byte[] content, String etag, Instant lastModified,
        String contentType, String serverSideEncryption, Optional<String> kmsKeyId,
        Map<String, String> userMetadata) {

    /**
     * Copies the bytes and the metadata; every component is required (an absent key id is an empty {@link Optional}).
     *
     * @param bucket               the bucket
     * @param key                  the key
     * @param content              the bytes (copied in and out)
     * @param etag                 the ETag, quoted, as S3 sends it
     * @param lastModified         when it was written, on the mock's clock
     * @param contentType          its Content-Type
     * @param serverSideEncryption {@code AES256} (S3's default), {@code aws:kms}, ...
     * @param kmsKeyId             the KMS key id the upload named, if any
     * @param userMetadata         its x-amz-meta-* values, by lower-case name without the prefix
     */
    public StoredArtifact {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        content = Objects.requireNonNull(content, "content").clone();
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(lastModified, "lastModified");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(serverSideEncryption, "serverSideEncryption");
        Objects.requireNonNull(kmsKeyId, "kmsKeyId");
        userMetadata = Map.copyOf(userMetadata);
    }

    /**
     * A copy of the bytes: changing it does not change the stored object.
     *
     * @return the object's bytes, as the upload sent them
     */
    @Override
    public byte[] content() {
        return content.clone();
    }

    /**
     * The object's size.
     *
     * @return its length in bytes, as S3's Content-Length says
     */
    public long size() {
        return content.length;
    }

    /**
     * The entries of the artifact read as a zip file, by name, in file order (directories left out).
     *
     * @return each file entry's bytes by its name in the zip (e.g. {@code dir/result.json}); empty for an empty
     *         object
     * @throws IllegalStateException when the bytes are not a zip file
     * @throws UncheckedIOException  when the zip is broken part way
     */
    public Map<String, byte[]> zipEntries() {
        return readZip(name -> true);
    }

    /**
     * The names of the artifact's zip entries, in file order (directories left out), read without keeping their
     * content.
     *
     * @return each file entry's name in the zip (e.g. {@code dir/result.json}); empty for an empty object
     * @throws IllegalStateException when the bytes are not a zip file
     */
    public List<String> zipEntryNames() {
        return List.copyOf(readZip(name -> false).keySet());
    }

    /**
     * One zip entry as UTF-8 text (the other entries are read past, not kept).
     *
     * @param name the entry's name in the zip, e.g. {@code result.json} or {@code dir/result.json}
     * @return its content decoded as UTF-8
     * @throws IllegalArgumentException when there is no such entry; the message lists the entries there are
     * @throws IllegalStateException    when the bytes are not a zip file
     */
    public String zipEntryText(String name) {
        Map<String, byte[]> entries = readZip(name::equals);
        byte[] entry = entries.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("artifact s3://" + bucket + "/" + key + " has no zip entry '" + name
                    + "'; its entries are " + entries.keySet());
        }
        return new String(entry, StandardCharsets.UTF_8);
    }

    /** The zip's entries by name, in file order, with the content of those {@code kept} (others map to null). */
    private Map<String, byte[]> readZip(Predicate<String> kept) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory()) {
                    entries.put(entry.getName(), kept.test(entry.getName()) ? zip.readAllBytes() : null);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("artifact s3://" + bucket + "/" + key + " is not a readable zip file", e);
        }
        if (entries.isEmpty() && content.length > 0) {
            throw new IllegalStateException("artifact s3://" + bucket + "/" + key + " (" + content.length
                    + " bytes) is not a zip file: CodePipeline artifacts are zip files; upload one.");
        }
        return entries;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredArtifact that && bucket.equals(that.bucket) && key.equals(that.key)
                && Arrays.equals(content, that.content) && etag.equals(that.etag)
                && lastModified.equals(that.lastModified) && contentType.equals(that.contentType)
                && serverSideEncryption.equals(that.serverSideEncryption) && kmsKeyId.equals(that.kmsKeyId)
                && userMetadata.equals(that.userMetadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bucket, key, Arrays.hashCode(content), etag);
    }

    @Override
    public String toString() {
        return "StoredArtifact[s3://" + bucket + "/" + key + ", size=" + content.length + ", etag=" + etag
                + ", serverSideEncryption=" + serverSideEncryption + kmsKeyId.map(id -> ", kmsKeyId=" + id).orElse("")
                + "]";
    }
}
