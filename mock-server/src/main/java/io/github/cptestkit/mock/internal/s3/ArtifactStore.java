package io.github.cptestkit.mock.internal.s3;

import io.github.cptestkit.mock.internal.body.ReceivedBody;
import io.github.cptestkit.mock.internal.body.StreamedBody;
import io.github.cptestkit.mock.internal.sigv4.SigV4;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The objects of the emulated artifact buckets, keyed by bucket and key, and the multipart uploads in progress. Plain
 * Java: no HTTP, no XML, no credentials. Bytes above the spill threshold live in temporary files (one directory per
 * store, created when first needed), so a 100 MB artifact costs disk, not heap; {@link #reset()} and
 * {@link #close()} delete them.
 *
 * <pre>{@code
 * try (ArtifactStore store = new ArtifactStore(Clock.systemUTC())) {
 *     store.put("bucket", "pipeline/Source/abc", zipBytes, ObjectAttributes.of("application/zip"));
 *     byte[] bytes = store.readAll("bucket", "pipeline/Source/abc").orElseThrow();
 * }
 * }</pre>
 *
 * <p>Thread-safe: one read-write lock guards the maps; bytes are written to files outside it and read under it, so a
 * reader never sees a file that a concurrent overwrite deleted.
 */
public final class ArtifactStore implements AutoCloseable {

    /** Objects and parts larger than this many bytes go to a temporary file by default. */
    public static final long DEFAULT_SPILL_THRESHOLD = 1024 * 1024;
    /** S3's minimum size of every part but the last. */
    public static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    /** S3's largest part number. */
    public static final int MAX_PART_NUMBER = 10_000;

    private final Clock clock;
    private final long spillThreshold;
    private final Path temporaryParent;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Set<String> buckets = new TreeSet<>();
    private final Map<String, NavigableMap<String, Entry>> objects = new HashMap<>();
    private final Map<String, Upload> uploads = new HashMap<>();
    private Path temporaryDirectory;

    /** A store with the default spill threshold, spilling under the system's temporary directory. */
    public ArtifactStore(Clock clock) {
        this(clock, DEFAULT_SPILL_THRESHOLD, null);
    }

    /**
     * A store.
     *
     * @param clock           the clock of Last-Modified and upload times
     * @param spillThreshold  bytes above which an object or part goes to a temporary file (0: always)
     * @param temporaryParent where to create the store's temporary directory; null for the system's
     */
    public ArtifactStore(Clock clock, long spillThreshold, Path temporaryParent) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (spillThreshold < 0) {
            throw new IllegalArgumentException("spillThreshold must be 0 or more bytes; it was " + spillThreshold);
        }
        this.spillThreshold = spillThreshold;
        this.temporaryParent = temporaryParent;
    }

    /** Makes a bucket exist (no-op when it does). */
    public void createBucket(String bucket) {
        Objects.requireNonNull(bucket, "bucket");
        write(() -> buckets.add(bucket));
    }

    public boolean bucketExists(String bucket) {
        return read(() -> buckets.contains(bucket));
    }

    /** Stores an object (replacing any object of that key), creating the bucket if needed. */
    public StoredObject put(String bucket, String key, byte[] content, ObjectAttributes attributes) {
        return put(bucket, key, ReceivedBody.of(content.clone()), attributes);
    }

    /**
     * Stores an object from a received body (replacing any object of that key): a spilled body's file is moved
     * into the store, not copied into the heap.
     */
    public StoredObject put(String bucket, String key, ReceivedBody content, ObjectAttributes attributes) {
        String etag = quote(SigV4.hex(content.digest("MD5")));
        StoredContent stored = store(content);
        StoredObject object = new StoredObject(bucket, key, content.size(), etag, now(), attributes, 0);
        insert(new Entry(object, stored));
        return object;
    }

    /** The description of an object. */
    public Optional<StoredObject> find(String bucket, String key) {
        return read(() -> Optional.ofNullable(entry(bucket, key)).map(Entry::object));
    }

    /**
     * The bytes of an object, all or one range of them, read together with its description.
     *
     * @throws S3Error InvalidRange when the range lies outside the object
     */
    public Optional<ObjectBytes> read(String bucket, String key, Optional<ByteRange> range) {
        return read(() -> {
            Entry entry = entry(bucket, key);
            if (entry == null) {
                return Optional.empty();
            }
            long size = entry.object.size();
            long[] span = range.isPresent() ? range.get().resolve(size) : new long[] {0, size - 1};
            return Optional.of(new ObjectBytes(entry.object, span[0], entry.content.stream(span[0],
                    span[1] - span[0] + 1), range.isPresent()));
        });
    }

    /**
     * Copies an object to another key, its bytes streamed through a body of this store's spill threshold (a big
     * object goes file to file, never whole into the heap), with {@code attributes} made from the source's; empty
     * when there is no such object.
     */
    public Optional<StoredObject> copy(String fromBucket, String fromKey, String toBucket, String toKey,
            UnaryOperator<ObjectAttributes> attributes) {
        Optional<ObjectBytes> source = read(fromBucket, fromKey, Optional.empty());
        if (source.isEmpty()) {
            return Optional.empty();
        }
        ReceivedBody.Writer writer = ReceivedBody.writer(spillThreshold, source.get().object().size());
        try (InputStream in = source.get().body().open()) {
            in.transferTo(writer);
        } catch (IOException e) {
            writer.abort();
            throw new UncheckedIOException("cannot copy s3://" + fromBucket + "/" + fromKey, e);
        }
        ReceivedBody body = writer.finish();
        try {
            return Optional.of(put(toBucket, toKey, body, attributes.apply(source.get().object().attributes())));
        } finally {
            body.close(); // a spilled copy moved into the store is the store's now; close leaves it
        }
    }

    /** Every byte of an object (for assertions). */
    public Optional<byte[]> readAll(String bucket, String key) {
        return read(bucket, key, Optional.empty()).map(ObjectBytes::bytes);
    }

    /** The objects of a bucket, in key order (UTF-8 binary order, as S3 lists). */
    public List<StoredObject> list(String bucket) {
        return read(() -> objects.getOrDefault(bucket, new TreeMap<>()).values().stream()
                .map(Entry::object).toList());
    }

    /** Deletes an object; true when there was one. */
    public boolean delete(String bucket, String key) {
        Entry removed = write(() -> {
            NavigableMap<String, Entry> bucketObjects = objects.get(bucket);
            return bucketObjects == null ? null : bucketObjects.remove(key);
        });
        if (removed != null) {
            discardLater(removed.content);
        }
        return removed != null;
    }

    /** Starts a multipart upload. */
    public MultipartUpload createMultipartUpload(String bucket, String key, ObjectAttributes attributes) {
        String uploadId = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString()
                .replace("-", "");
        MultipartUpload upload = new MultipartUpload(uploadId, bucket, key, attributes, now());
        write(() -> {
            buckets.add(bucket);
            return uploads.put(uploadId, new Upload(upload));
        });
        return upload;
    }

    /** The upload of this id, if it is still in progress. */
    public Optional<MultipartUpload> findUpload(String uploadId) {
        return read(() -> Optional.ofNullable(uploads.get(uploadId)).map(Upload::info));
    }

    /**
     * Stores a part (replacing a part of the same number).
     *
     * @throws S3Error NoSuchUpload when the upload is not in progress for this bucket and key; InvalidArgument for a
     *                 part number outside 1..10,000
     */
    public UploadedPart uploadPart(String uploadId, String bucket, String key, int partNumber, byte[] content) {
        return uploadPart(uploadId, bucket, key, partNumber, ReceivedBody.of(content.clone()));
    }

    /** {@link #uploadPart(String, String, String, int, byte[])} from a received body (a spilled one is moved in). */
    public UploadedPart uploadPart(String uploadId, String bucket, String key, int partNumber,
            ReceivedBody content) {
        if (partNumber < 1 || partNumber > MAX_PART_NUMBER) {
            throw S3ErrorCode.INVALID_ARGUMENT.error("Part number must be an integer between 1 and "
                    + MAX_PART_NUMBER + ", inclusive; it was " + partNumber + ".")
                    .with("ArgumentName", "partNumber").with("ArgumentValue", partNumber);
        }
        read(() -> upload(uploadId, bucket, key));
        byte[] md5 = content.digest("MD5");
        Part part = new Part(partNumber, store(content), md5);
        Part replaced = write(() -> upload(uploadId, bucket, key).parts.put(partNumber, part));
        if (replaced != null) {
            discardLater(replaced.content);
        }
        return new UploadedPart(partNumber, part.etag(), content.size());
    }

    /** The parts uploaded so far, in part-number order. */
    public List<UploadedPart> parts(String uploadId) {
        return read(() -> Optional.ofNullable(uploads.get(uploadId)).map(upload -> upload.parts.values().stream()
                .map(part -> new UploadedPart(part.number, part.etag(), part.content.size())).toList())
                .orElse(List.of()));
    }

    /**
     * Completes an upload from the named parts: the object's bytes are the parts' bytes in order, its ETag
     * {@code "<md5 of the parts' binary md5s>-<count>"}. Parts not named are dropped.
     *
     * @throws S3Error NoSuchUpload, MalformedXML (no parts), InvalidPartOrder, InvalidPart (unknown part or ETag),
     *                 EntityTooSmall (a part but the last under 5 MiB)
     */
    public StoredObject completeMultipartUpload(String uploadId, String bucket, String key,
            List<UploadedPart> requested) {
        Upload upload = write(() -> {
            Upload found = upload(uploadId, bucket, key);
            validate(found, requested);
            return uploads.remove(uploadId);
        });
        List<Part> chosen = requested.stream().map(reference -> upload.parts.get(reference.partNumber())).toList();
        long size = chosen.stream().mapToLong(part -> part.content.size()).sum();
        MessageDigest etagDigest = SigV4.digest("MD5");
        chosen.forEach(part -> etagDigest.update(part.md5));
        StoredContent content = concatenate(chosen, size);
        String etag = quote(SigV4.hex(etagDigest.digest()) + "-" + chosen.size());
        StoredObject object = new StoredObject(bucket, key, size, etag, now(),
                upload.info.attributes().withChecksum(Optional.empty()), chosen.size());
        insert(new Entry(object, content));
        upload.parts.values().forEach(part -> part.content.discard());
        return object;
    }

    /**
     * Aborts an upload and frees its parts.
     *
     * @throws S3Error NoSuchUpload when it is not in progress for this bucket and key
     */
    public void abortMultipartUpload(String uploadId, String bucket, String key) {
        Upload upload = write(() -> {
            upload(uploadId, bucket, key);
            return uploads.remove(uploadId);
        });
        upload.parts.values().forEach(part -> part.content.discard());
    }

    /** The directory of spilled bytes, once one was needed. */
    public Optional<Path> temporaryDirectory() {
        return read(() -> Optional.ofNullable(temporaryDirectory));
    }

    /** Forgets every bucket, object and upload and deletes the spilled bytes. */
    public void reset() {
        List<StoredContent> contents = new ArrayList<>();
        write(() -> {
            objects.values().forEach(bucketObjects -> bucketObjects.values().forEach(e -> contents.add(e.content)));
            uploads.values().forEach(upload -> upload.parts.values().forEach(part -> contents.add(part.content)));
            objects.clear();
            uploads.clear();
            buckets.clear();
            contents.forEach(StoredContent::discard);
            return null;
        });
    }

    /** {@link #reset()}, then deletes the temporary directory. The store may be used again afterwards. */
    @Override
    public void close() {
        reset();
        write(() -> {
            if (temporaryDirectory != null) {
                deleteTree(temporaryDirectory);
                temporaryDirectory = null;
            }
            return null;
        });
    }

    private void validate(Upload upload, List<UploadedPart> requested) {
        if (requested.isEmpty()) {
            throw S3ErrorCode.MALFORMED_XML.error("The CompleteMultipartUpload request names no Part; name every"
                    + " part to assemble, in ascending PartNumber order.");
        }
        for (int i = 1; i < requested.size(); i++) {
            if (requested.get(i).partNumber() <= requested.get(i - 1).partNumber()) {
                throw S3ErrorCode.INVALID_PART_ORDER.error().with("UploadId", upload.info.uploadId());
            }
        }
        for (int i = 0; i < requested.size(); i++) {
            UploadedPart reference = requested.get(i);
            Part part = upload.parts.get(reference.partNumber());
            if (part == null || !part.etag().equals(quote(unquote(reference.etag())))) {
                throw S3ErrorCode.INVALID_PART.error().with("UploadId", upload.info.uploadId())
                        .with("PartNumber", reference.partNumber()).with("ETag", reference.etag());
            }
            if (i < requested.size() - 1 && part.content.size() < MIN_PART_SIZE) {
                throw S3ErrorCode.ENTITY_TOO_SMALL.error().with("ProposedSize", part.content.size())
                        .with("MinSizeAllowed", MIN_PART_SIZE).with("PartNumber", reference.partNumber())
                        .with("ETag", part.etag());
            }
        }
    }

    private Upload upload(String uploadId, String bucket, String key) {
        Upload upload = uploadId == null ? null : uploads.get(uploadId);
        if (upload == null || !upload.info.bucket().equals(bucket) || !upload.info.key().equals(key)) {
            throw S3ErrorCode.NO_SUCH_UPLOAD.error().with("UploadId", uploadId);
        }
        return upload;
    }

    private void insert(Entry entry) {
        Entry replaced = write(() -> {
            buckets.add(entry.object.bucket());
            return objects.computeIfAbsent(entry.object.bucket(), b -> new TreeMap<>(ArtifactStore::compareKeys))
                    .put(entry.object.key(), entry);
        });
        if (replaced != null) {
            discardLater(replaced.content);
        }
    }

    /** Discards content that readers may still hold: under the write lock, so no read is in progress. */
    private void discardLater(StoredContent content) {
        write(() -> {
            content.discard();
            return null;
        });
    }

    /** The bytes in memory up to the spill threshold, else in a file of the store's (a spilled body's, moved). */
    private StoredContent store(ReceivedBody content) {
        if (content.size() <= spillThreshold) {
            return new StoredContent.InMemory(content.bytes()); // a body of its own: the caller copied, or let go
        }
        Path file = newTemporaryFile();
        content.moveTo(file);
        return new StoredContent.SpillFile(file, content.size());
    }

    /** Bytes above which an object or part goes to a temporary file. */
    public long spillThreshold() {
        return spillThreshold;
    }

    private StoredContent concatenate(List<Part> parts, long size) {
        try {
            if (size <= spillThreshold) {
                ByteArrayOutputStream out = new ByteArrayOutputStream((int) size);
                for (Part part : parts) {
                    part.content.writeTo(out);
                }
                return new StoredContent.InMemory(out.toByteArray());
            }
            Path file = newTemporaryFile();
            try (OutputStream out = Files.newOutputStream(file)) {
                for (Part part : parts) {
                    part.content.writeTo(out);
                }
            }
            return new StoredContent.SpillFile(file, size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot assemble a multipart upload in the artifact store", e);
        }
    }

    private Path newTemporaryFile() {
        return write(() -> {
            try {
                if (temporaryDirectory == null || !Files.isDirectory(temporaryDirectory)) {
                    temporaryDirectory = temporaryParent == null
                            ? Files.createTempDirectory("cptestkit-s3-")
                            : Files.createTempDirectory(Files.createDirectories(temporaryParent), "cptestkit-s3-");
                }
                return Files.createTempFile(temporaryDirectory, "object-", ".bin");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temporary file for the artifact store under "
                        + (temporaryParent == null ? "the system's temporary directory" : temporaryParent)
                        + "; give it a writable directory", e);
            }
        });
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the artifact store's temporary directory " + directory, e);
        }
    }

    private Entry entry(String bucket, String key) {
        NavigableMap<String, Entry> bucketObjects = objects.get(bucket);
        return bucketObjects == null ? null : bucketObjects.get(key);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** S3 lists keys in the binary order of their UTF-8 bytes. */
    static int compareKeys(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    static String quote(String etag) {
        return "\"" + etag + "\"";
    }

    static String unquote(String etag) {
        String trimmed = etag.trim();
        return trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")
                ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }

    private <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Bytes of an object to read: all of it, or the range {@code [first, first + body.length())}, as a body sent as it
     * is read (a download never holds the object in the heap).
     *
     * <pre>{@code store.read("bucket", "key", ByteRange.parse("bytes=0-9")).map(ObjectBytes::bytes);}</pre>
     */
    public record ObjectBytes(StoredObject object, long first, StreamedBody body, boolean partial) {
        /** Every byte of it in one array: for small objects (assertions, the admin API's views). */
        public byte[] bytes() {
            return body.readAll();
        }
    }

    private record Entry(StoredObject object, StoredContent content) {}

    private record Part(int number, StoredContent content, byte[] md5) {
        String etag() {
            return quote(SigV4.hex(md5));
        }
    }

    private record Upload(MultipartUpload info, NavigableMap<Integer, Part> parts) {
        Upload(MultipartUpload info) {
            this(info, new ConcurrentSkipListMap<>());
        }
    }
}
