package io.github.cptestkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.codepipeline.model.Artifact;
import software.amazon.awssdk.services.codepipeline.model.Job;
import software.amazon.awssdk.services.codepipeline.model.JobData;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The admin API's view of an output artifact reads it from the artifact store as it answers, never whole into the
 * heap: a 160 MiB zip output, to a mock in a JVM of its own limited to 64 MiB, is answered byte for byte (with its
 * headers) and as its list of zip entries, the mock's heap after a full collection is what it was before, and the
 * mock goes on serving.
 */
class AdminArtifactHeapTest {

    private static final long PAYLOAD_BYTES = 160L << 20;
    private static final long ALLOWED_GROWTH = 16L << 20;
    private static final String MANIFEST = "{\"ok\":true}";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aZipOutputLargerThanTheMocksHeapIsReadAsBytesAndAsEntriesThroughTheAdminApiOfA64MebibyteMock(
            @TempDir Path folder) throws Exception {
        Path zip = bigZip(folder.resolve("output.zip"));
        try (ChildJvm mock = ChildJvm.start(List.of("-Xmx64m"), HeapProbe.class)) {
            URI endpoint = URI.create(mock.awaitLine(line -> line.startsWith("ENDPOINT "), Duration.ofSeconds(90))
                    .substring("ENDPOINT ".length()));
            Job job = ArtifactMemorySoakTest.pollOneJob(endpoint);
            JobData data = job.data();
            Artifact output = data.outputArtifacts().get(0);
            String etag;
            try (S3Client s3 = ArtifactMemorySoakTest.s3(endpoint, data)) {
                PutObjectRequest.Builder put = PutObjectRequest.builder().contentType("application/zip")
                        .bucket(output.location().s3Location().bucketName())
                        .key(output.location().s3Location().objectKey());
                if (data.encryptionKey() != null) {
                    put.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(data.encryptionKey().id());
                }
                etag = s3.putObject(put.build(), RequestBody.fromFile(zip)).eTag();
            }
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            URI view = endpoint.resolve("/__admin/codepipeline/jobs/" + job.id() + "/artifacts/" + output.name());
            long baseline = ArtifactMemorySoakTest.heap(mock);

            HttpResponse<InputStream> bytes = http.send(HttpRequest.newBuilder(view)
                    .timeout(Duration.ofMinutes(3)).build(), HttpResponse.BodyHandlers.ofInputStream());
            String md5;
            try (InputStream body = bytes.body()) {
                md5 = ArtifactDownloadHeapTest.md5(body);
            }
            HttpResponse<String> entries = http.send(HttpRequest.newBuilder(URI.create(view + "?format=entries"))
                    .timeout(Duration.ofMinutes(3)).build(), HttpResponse.BodyHandlers.ofString());
            long after = ArtifactMemorySoakTest.heap(mock);
            AdminHttp.Answer stillServing = new AdminHttp(endpoint).get("jobs/" + job.id());
            System.out.println("mock heap after full GC (-Xmx64m, a " + ArtifactMemorySoakTest.mib(Files.size(zip))
                    + " output read as bytes and as entries): " + ArtifactMemorySoakTest.mib(baseline) + ", then "
                    + ArtifactMemorySoakTest.mib(after));

            assertThat(bytes.statusCode()).as("the bytes' status, the mock's stderr:\n%s", mock.stderr())
                    .isEqualTo(200);
            try (InputStream file = Files.newInputStream(zip)) {
                assertThat(md5).as("the MD5 of the bytes answer").isEqualTo(ArtifactDownloadHeapTest.md5(file));
            }
            assertThat(bytes.headers().firstValue("Content-Length")).hasValue(Long.toString(Files.size(zip)));
            assertThat(bytes.headers().firstValue("Content-Type")).hasValue("application/zip");
            assertThat(bytes.headers().firstValue("ETag")).hasValue(etag);
            if (data.encryptionKey() != null) {
                assertThat(bytes.headers().firstValue("x-amz-server-side-encryption")).hasValue("aws:kms");
                assertThat(bytes.headers().firstValue("x-amz-server-side-encryption-aws-kms-key-id"))
                        .hasValue(data.encryptionKey().id());
            }
            assertThat(entries.statusCode()).as(entries.body()).isEqualTo(200);
            JsonNode list = JSON.readTree(entries.body());
            assertThat(list.get("size").asLong()).isEqualTo(Files.size(zip));
            assertThat(list.get("etag").asText()).isEqualTo(etag);
            assertThat(list.at("/entries/0/name").asText()).isEqualTo("manifest.json");
            assertThat(list.at("/entries/0/text").asText()).isEqualTo(MANIFEST);
            assertThat(list.at("/entries/1/name").asText()).isEqualTo("payload.bin");
            assertThat(list.at("/entries/1/size").asLong()).isEqualTo(PAYLOAD_BYTES);
            assertThat(list.at("/entries/1").has("base64")).isFalse();
            assertThat(list.at("/entries/1/contentOmitted").asText()).contains("without ?format=entries");
            assertThat(list.get("entries")).hasSize(2);
            assertThat(after - baseline).as("the mock's heap after a full GC: %s, then %s",
                    ArtifactMemorySoakTest.mib(baseline), ArtifactMemorySoakTest.mib(after))
                    .isLessThan(ALLOWED_GROWTH);
            assertThat(stillServing.status()).isEqualTo(200);
            assertThat(stillServing.body().get("jobId").asText()).isEqualTo(job.id());
        }
    }

    /** A zip of a small JSON manifest and a stored (uncompressed) 160 MiB payload, written as it is made. */
    private static Path bigZip(Path file) throws Exception {
        CRC32 crc = new CRC32();
        try (InputStream payload = new ArtifactDownloadHeapTest.Pattern(0, PAYLOAD_BYTES)) {
            byte[] buffer = new byte[1 << 16];
            for (int read = payload.read(buffer); read >= 0; read = payload.read(buffer)) {
                crc.update(buffer, 0, read);
            }
        }
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(MANIFEST.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            ZipEntry stored = new ZipEntry("payload.bin");
            stored.setMethod(ZipEntry.STORED);
            stored.setSize(PAYLOAD_BYTES);
            stored.setCompressedSize(PAYLOAD_BYTES);
            stored.setCrc(crc.getValue());
            zip.putNextEntry(stored);
            try (InputStream payload = new ArtifactDownloadHeapTest.Pattern(0, PAYLOAD_BYTES)) {
                payload.transferTo(zip);
            }
            zip.closeEntry();
        }
        return file;
    }
}
