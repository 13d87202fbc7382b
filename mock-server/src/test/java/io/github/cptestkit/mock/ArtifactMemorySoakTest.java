package io.github.cptestkit.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codepipeline.CodePipelineClient;
import software.amazon.awssdk.services.codepipeline.model.Artifact;
import software.amazon.awssdk.services.codepipeline.model.Job;
import software.amazon.awssdk.services.codepipeline.model.JobData;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The heap of a mock that takes many large uploads stays bounded: 200 uploads of 50 MiB (10 GiB in all) and a
 * download after every 25th, by the real S3 client, to a mock in a JVM of its own limited to 256 MiB of heap. The
 * client opens a new connection every 10 uploads (as workers that come and go do), so that nothing a closed
 * connection held may stay reachable. After every 25 uploads the mock's heap is measured after a full collection:
 * it must stay within 32 MiB of what it was before the first upload, less than one upload's body.
 */
class ArtifactMemorySoakTest {

    private static final int UPLOADS = 200;
    private static final int BODY_BYTES = 50 << 20;
    private static final int UPLOADS_PER_CONNECTION = 10;
    private static final int MEASURE_EVERY = 25;
    private static final long ALLOWED_GROWTH = 32L << 20;

    @Test
    void twoHundredUploadsOfFiftyMebibytesKeepTheHeapOfA256MebibyteMockBounded() throws Exception {
        byte[] body = new byte[BODY_BYTES];
        new Random(21).nextBytes(body);
        String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body)) + "\"";
        try (ChildJvm mock = ChildJvm.start(List.of("-Xmx256m"), HeapProbe.class)) {
            URI endpoint = URI.create(mock.awaitLine(line -> line.startsWith("ENDPOINT "), Duration.ofSeconds(90))
                    .substring("ENDPOINT ".length()));
            Job job = pollOneJob(endpoint);
            JobData data = job.data();
            Artifact output = data.outputArtifacts().get(0);
            String bucket = output.location().s3Location().bucketName();
            String key = output.location().s3Location().objectKey();
            long baseline = heap(mock);
            List<String> figures = new ArrayList<>(List.of("baseline " + mib(baseline)));

            S3Client s3 = null;
            try {
                for (int upload = 1; upload <= UPLOADS; upload++) {
                    if ((upload - 1) % UPLOADS_PER_CONNECTION == 0) {
                        if (s3 != null) {
                            s3.close(); // its connection closes; a new client, a new connection
                        }
                        s3 = s3(endpoint, data);
                    }
                    PutObjectRequest.Builder put = PutObjectRequest.builder().bucket(bucket).key(key);
                    if (data.encryptionKey() != null) {
                        put.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(data.encryptionKey().id());
                    }
                    PutObjectResponse stored;
                    try {
                        stored = s3.putObject(put.build(), RequestBody.fromBytes(body));
                    } catch (RuntimeException e) {
                        throw new AssertionError("upload " + upload + " of " + UPLOADS + " failed (" + figures
                                + "); the mock's stderr:\n" + mock.stderr(), e);
                    }
                    assertThat(stored.eTag()).as("ETag of upload %d", upload).isEqualTo(etag);
                    if (upload % MEASURE_EVERY == 0) {
                        ResponseBytes<GetObjectResponse> download = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key));
                        assertThat(download.response().contentLength()).isEqualTo(BODY_BYTES);
                        assertThat(download.response().eTag()).isEqualTo(etag);
                        download = null; // the test's copy is not the mock's
                        long used = heap(mock);
                        figures.add("after " + upload + " uploads " + mib(used));
                        assertThat(used - baseline).as("the mock's heap after a full GC, after %d uploads of 50 MiB"
                                + " (%s)", upload, figures).isLessThan(ALLOWED_GROWTH);
                    }
                }
            } finally {
                if (s3 != null) {
                    s3.close();
                }
            }
            System.out.println("mock heap after full GC (-Xmx256m, " + UPLOADS + " uploads of 50 MiB): "
                    + String.join(", ", figures));
        }
    }

    /** Queues a custom job through the admin API and polls it, as a worker would. */
    static Job pollOneJob(URI endpoint) {
        AdminHttp admin = new AdminHttp(endpoint);
        AdminHttp.Answer queued = admin.post("jobs", "{\"preset\": \"build-with-source-zip\", \"kind\": \"custom\","
                + " \"actionTypeId\": {\"category\": \"Build\", \"provider\": \"Soak\", \"version\": \"1\"}}");
        assertThat(queued.status()).as(queued.body().toString()).isEqualTo(200);
        try (CodePipelineClient codePipeline = CodePipelineClient.builder().endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "SECRET")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            JsonNode type = queued.body().path("jobs").path(0).path("actionTypeId");
            List<Job> jobs = codePipeline.pollForJobs(r -> r.actionTypeId(t -> t.category(type.path("category")
                    .asText()).owner("Custom").provider("Soak").version("1"))).jobs();
            assertThat(jobs).hasSize(1);
            codePipeline.acknowledgeJob(r -> r.jobId(jobs.get(0).id()).nonce(jobs.get(0).nonce()));
            return jobs.get(0);
        }
    }

    /** An S3 client on a job's artifact credentials, without retries. */
    static S3Client s3(URI endpoint, JobData data) {
        return S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        data.artifactCredentials().accessKeyId(), data.artifactCredentials().secretAccessKey(),
                        data.artifactCredentials().sessionToken())))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    static long heap(ChildJvm mock) {
        mock.send("heap");
        return Long.parseLong(mock.awaitLine(line -> line.startsWith("HEAP "), Duration.ofSeconds(60))
                .substring("HEAP ".length()));
    }

    static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
