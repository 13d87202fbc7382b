package io.github.cptestkit.mock.internal.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.cptestkit.mock.MockClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on its own: no HTTP, no credentials. */
class ArtifactStoreTest {

    @TempDir
    Path temporaryParent;

    private final MockClock clock = MockClock.at(Instant.parse("2025-06-01T10:00:00.750Z"));
    private ArtifactStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void objectsUpToTheThresholdStayInMemoryAndLargerOnesSpillToATemporaryFile() throws IOException {
        store = new ArtifactStore(clock, 10, temporaryParent);

        store.put("b", "small", bytes("0123456789"), ObjectAttributes.of(null));
        assertThat(store.temporaryDirectory()).isEmpty();
        store.put("b", "large", bytes("0123456789A"), ObjectAttributes.of(null));

        assertThat(filesIn(store.temporaryDirectory().orElseThrow())).hasSize(1);
        assertThat(store.read("b", "large", ByteRange.parse("bytes=8-")).orElseThrow().bytes())
                .isEqualTo(bytes("89A"));
        assertThat(store.readAll("b", "small")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("0123456789")));
    }

    @Test
    void aCopyOfASpilledObjectIsASpilledObjectOfItsOwnWithTheSameBytesAndEtagAndTheAttributesGiven()
            throws IOException {
        store = new ArtifactStore(clock, 10, temporaryParent);
        StoredObject source = store.put("b", "large", bytes("0123456789A"), ObjectAttributes.of("application/zip"));

        StoredObject copy = store.copy("b", "large", "c", "copied", attributes ->
                ObjectAttributes.of(attributes.contentType() + "+copy")).orElseThrow();
        store.put("b", "large", bytes("replaced after the copy"), ObjectAttributes.of(null));

        assertThat(filesIn(store.temporaryDirectory().orElseThrow())).as("one file each").hasSize(2);
        assertThat(store.readAll("c", "copied")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("0123456789A")));
        assertThat(copy.etag()).isEqualTo(source.etag());
        assertThat(copy.size()).isEqualTo(11);
        assertThat(copy.attributes().contentType()).isEqualTo("application/zip+copy");
        assertThat(store.copy("b", "missing", "c", "other", attributes -> attributes)).isEmpty();
        assertThat(store.find("c", "other")).isEmpty();
    }

    @Test
    void overwritingOrDeletingASpilledObjectDeletesItsFile() throws IOException {
        store = new ArtifactStore(clock, 0, temporaryParent);
        store.put("b", "k", bytes("first"), ObjectAttributes.of(null));
        Path directory = store.temporaryDirectory().orElseThrow();

        store.put("b", "k", bytes("second"), ObjectAttributes.of(null));
        assertThat(filesIn(directory)).hasSize(1);
        store.delete("b", "k");

        assertThat(filesIn(directory)).isEmpty();
        assertThat(store.find("b", "k")).isEmpty();
    }

    @Test
    void closeDeletesTheTemporaryDirectoryAndEverythingInIt() {
        store = new ArtifactStore(clock, 0, temporaryParent);
        store.put("b", "k", bytes("spilled"), ObjectAttributes.of(null));
        store.createMultipartUpload("b", "m", ObjectAttributes.of(null));
        Path directory = store.temporaryDirectory().orElseThrow();

        store.close();

        assertThat(directory).doesNotExist();
        assertThat(store.bucketExists("b")).isFalse();
    }

    @Test
    void objectsAreListedInTheBinaryOrderOfTheirUtf8Keys() {
        store = new ArtifactStore(clock);
        for (String key : List.of("b", "ä", "a", "Z", "a/b")) {
            store.put("bucket", key, bytes(key), ObjectAttributes.of(null));
        }

        assertThat(store.list("bucket")).extracting(StoredObject::key).containsExactly("Z", "a", "a/b", "b", "ä");
    }

    @Test
    void lastModifiedIsTheClocksSecondAndTheEtagTheQuotedMd5() {
        store = new ArtifactStore(clock);

        StoredObject object = store.put("b", "k", bytes("hello"), ObjectAttributes.of(null));

        assertThat(object.lastModified()).isEqualTo(Instant.parse("2025-06-01T10:00:00Z"));
        assertThat(object.etag()).isEqualTo("\"5d41402abc4b2a76b9719d911017c592\"");
        assertThat(object.attributes().contentType()).isEqualTo("binary/octet-stream");
        assertThat(object.attributes().serverSideEncryption()).isEqualTo("AES256");
    }

    @Test
    void partsNamedOutOfOrderAreInvalidPartOrder() {
        store = new ArtifactStore(clock);
        MultipartUpload upload = store.createMultipartUpload("b", "k", ObjectAttributes.of(null));
        UploadedPart one = store.uploadPart(upload.uploadId(), "b", "k", 1, new byte[(int) ArtifactStore.MIN_PART_SIZE]);
        UploadedPart two = store.uploadPart(upload.uploadId(), "b", "k", 2, bytes("last"));

        S3Error error = catchThrowableOfType(S3Error.class,
                () -> store.completeMultipartUpload(upload.uploadId(), "b", "k", List.of(two, one)));

        assertThat(error.code()).isEqualTo(S3ErrorCode.INVALID_PART_ORDER);
        assertThat(store.findUpload(upload.uploadId())).as("a failed completion keeps the upload").isPresent();
    }

    @Test
    void anUploadIdUsedForAnotherKeyIsNoSuchUpload() {
        store = new ArtifactStore(clock);
        MultipartUpload upload = store.createMultipartUpload("b", "k", ObjectAttributes.of(null));

        S3Error error = catchThrowableOfType(S3Error.class,
                () -> store.uploadPart(upload.uploadId(), "b", "another-key", 1, bytes("x")));

        assertThat(error.code()).isEqualTo(S3ErrorCode.NO_SUCH_UPLOAD);
    }

    @Test
    void aPartNumberOutsideOneToTenThousandIsInvalidArgument() {
        store = new ArtifactStore(clock);
        MultipartUpload upload = store.createMultipartUpload("b", "k", ObjectAttributes.of(null));

        S3Error error = catchThrowableOfType(S3Error.class,
                () -> store.uploadPart(upload.uploadId(), "b", "k", 10_001, bytes("x")));

        assertThat(error.code()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
        assertThat(error.getMessage()).contains("10001");
    }

    @Test
    void aCompletionNamingNoPartIsMalformedXml() {
        store = new ArtifactStore(clock);
        MultipartUpload upload = store.createMultipartUpload("b", "k", ObjectAttributes.of(null));

        S3Error error = catchThrowableOfType(S3Error.class,
                () -> store.completeMultipartUpload(upload.uploadId(), "b", "k", List.of()));

        assertThat(error.code()).isEqualTo(S3ErrorCode.MALFORMED_XML);
    }

    @Test
    void aCompletedUploadTakesTheCreateAttributesAndDropsPartsNotNamed() {
        store = new ArtifactStore(clock, 0, temporaryParent);
        MultipartUpload upload = store.createMultipartUpload("b", "k",
                ObjectAttributes.of("application/zip").withEncryption("aws:kms", Optional.of("key-1")));
        UploadedPart one = store.uploadPart(upload.uploadId(), "b", "k", 1, bytes("only"));
        store.uploadPart(upload.uploadId(), "b", "k", 2, bytes("dropped"));

        StoredObject object = store.completeMultipartUpload(upload.uploadId(), "b", "k", List.of(one));

        assertThat(store.readAll("b", "k").orElseThrow()).isEqualTo(bytes("only"));
        assertThat(object.partCount()).isEqualTo(1);
        assertThat(object.attributes().kmsKeyId()).hasValue("key-1");
        assertThat(filesIn(store.temporaryDirectory().orElseThrow())).as("only the object's file").hasSize(1);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<Path> filesIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
