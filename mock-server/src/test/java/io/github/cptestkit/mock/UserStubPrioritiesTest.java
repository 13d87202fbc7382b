package io.github.cptestkit.mock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.cptestkit.mock.SdkClients.sdk;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cptestkit.schemas.Operation;
import io.github.cptestkit.wire.FakeCustomJob;
import io.github.cptestkit.wire.S3ArtifactLocation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.codepipeline.model.Job;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * The one bound of user stub priorities ({@link CodePipelineMock#USER_STUBS_WIN_UP_TO}): a stub of any priority from 1
 * to it wins over the mock on both services, CodePipeline's operations and the artifact bucket.
 */
class UserStubPrioritiesTest extends SharedMockTest {

    @ParameterizedTest(name = "priority {0}")
    @ValueSource(ints = {1, 5, 50, CodePipelineMock.USER_STUBS_WIN_UP_TO})
    void aUserStubOfAPriorityUpToTheBoundWinsOverTheCodePipelineOperations(int priority) {
        FakeCustomJob job = FAKES.custom().build();
        mock.enqueue(job);
        mock.wireMock().stubFor(post(urlEqualTo("/")).atPriority(priority)
                .withHeader("X-Amz-Target", equalTo(Operation.GET_JOB_DETAILS.target()))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"jobDetails\": {\"id\": \"from-the-user-stub\"}}")));

        assertThat(client.getJobDetails(r -> r.jobId(job.jobId())).jobDetails().id())
                .isEqualTo("from-the-user-stub");
    }

    @ParameterizedTest(name = "priority {0}")
    @ValueSource(ints = {1, 5, 50, CodePipelineMock.USER_STUBS_WIN_UP_TO})
    void aUserStubOfAPriorityUpToTheBoundWinsOverTheArtifactBucket(int priority) {
        try (Bucketed input = polledInputWithUserStub(priority)) {
            assertThat(input.get().asUtf8String()).isEqualTo("from the user's stub");
        }
    }

    @ParameterizedTest(name = "priority {0}")
    @ValueSource(ints = {CodePipelineMock.USER_STUBS_WIN_UP_TO + 2, 5_000})
    void aUserStubOfAPriorityBeyondTheBoundMayLoseToTheArtifactBucket(int priority) {
        try (Bucketed input = polledInputWithUserStub(priority)) {
            byte[] served = input.get().asByteArray();
            assertThat(new String(served, 0, 2, java.nio.charset.StandardCharsets.US_ASCII))
                    .as("the bucket's own zip, not the user's text").isEqualTo("PK");
        }
    }

    /** A job's first input artifact and an S3 client on the job's credentials, closed with it. */
    record Bucketed(S3ArtifactLocation location, S3Client s3) implements AutoCloseable {
        ResponseBytes<GetObjectResponse> get() {
            return s3.getObjectAsBytes(r -> r.bucket(location.bucketName()).key(location.objectKey()));
        }

        @Override
        public void close() {
            s3.close();
        }
    }

    /** A job polled as a worker polls it, and a user stub at {@code priority} for GETs of its first input. */
    private static Bucketed polledInputWithUserStub(int priority) {
        Bucketed input = polledInput();
        mock.wireMock().stubFor(get(urlPathEqualTo("/" + input.location().bucketName() + "/"
                + input.location().objectKey())).atPriority(priority).willReturn(ok("from the user's stub")));
        return input;
    }

    /** A job polled as a worker polls it: its first input artifact and an S3 client with its credentials. */
    private static Bucketed polledInput() {
        FakeCustomJob job = FAKES.custom().build();
        mock.enqueue(job);
        Job polled = client.pollForJobs(r -> r.actionTypeId(sdk(job.actionTypeId()))).jobs().get(0);
        var location = polled.data().inputArtifacts().get(0).location().s3Location();
        return new Bucketed(new S3ArtifactLocation(location.bucketName(), location.objectKey()),
                SdkClients.s3(mock, polled.data().artifactCredentials()));
    }
}
