package io.github.cptestkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.codepipeline.model.Artifact;
import software.amazon.awssdk.services.codepipeline.model.JobData;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * A download is sent as it is read from the artifact store, never held in the heap whole: an object larger than the
 * mock's whole heap (160 MiB, to a mock in a JVM of its own limited to 64 MiB) downloads whole and by range, by the
 * real S3 client, byte for byte, and the mock's heap after a full collection is what it was before.
 */
class ArtifactDownloadHeapTest {

    private static final long OBJECT_BYTES = 160L << 20;
    private static final long ALLOWED_GROWTH = 16L << 20;

    @Test
    void anObjectLargerThanTheMocksHeapDownloadsWholeAndByRangeFromA64MebibyteMock() throws Exception {
        try (ChildJvm mock = ChildJvm.start(List.of("-Xmx64m"), HeapProbe.class)) {
            URI endpoint = URI.create(mock.awaitLine(line -> line.startsWith("ENDPOINT "), Duration.ofSeconds(90))
                    .substring("ENDPOINT ".length()));
            JobData data = ArtifactMemorySoakTest.pollOneJob(endpoint).data();
            Artifact output = data.outputArtifacts().get(0);
            String bucket = output.location().s3Location().bucketName();
            String key = output.location().s3Location().objectKey();
            try (S3Client s3 = ArtifactMemorySoakTest.s3(endpoint, data)) {
                PutObjectRequest.Builder put = PutObjectRequest.builder().bucket(bucket).key(key);
                if (data.encryptionKey() != null) {
                    put.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(data.encryptionKey().id());
                }
                s3.putObject(put.build(), RequestBody.fromContentProvider(() -> new Pattern(0, OBJECT_BYTES),
                        OBJECT_BYTES, "application/zip"));
                long baseline = ArtifactMemorySoakTest.heap(mock);

                String whole;
                try (ResponseInputStream<GetObjectResponse> download = s3.getObject(r -> r.bucket(bucket).key(key))) {
                    assertThat(download.response().contentLength()).isEqualTo(OBJECT_BYTES);
                    whole = md5(download);
                }
                byte[] range = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)
                        .range("bytes=100000000-100000099")).asByteArray();
                long after = ArtifactMemorySoakTest.heap(mock);

                assertThat(whole).as("the MD5 of the download, the mock's stderr:\n%s", mock.stderr())
                        .isEqualTo(md5(new Pattern(0, OBJECT_BYTES)));
                assertThat(range).isEqualTo(new Pattern(100_000_000, 100).readAllBytes());
                assertThat(after - baseline).as("the mock's heap after a full GC: %s, then %s",
                        ArtifactMemorySoakTest.mib(baseline), ArtifactMemorySoakTest.mib(after))
                        .isLessThan(ALLOWED_GROWTH);
            }
        }
    }

    static String md5(InputStream in) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        byte[] buffer = new byte[1 << 16];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            md5.update(buffer, 0, read);
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    /** {@code length} bytes of a fixed pattern from {@code offset}, made as they are read (no array of them all). */
    static final class Pattern extends InputStream {
        private long position;
        private final long end;

        Pattern(long offset, long length) {
            this.position = offset;
            this.end = offset + length;
        }

        private static byte at(long position) {
            return (byte) (position * 31 + (position >>> 11));
        }

        @Override
        public int read() {
            return position < end ? at(position++) & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position >= end) {
                return -1;
            }
            int count = (int) Math.min(length, end - position);
            for (int i = 0; i < count; i++) {
                buffer[offset + i] = at(position++);
            }
            return count;
        }
    }
}
