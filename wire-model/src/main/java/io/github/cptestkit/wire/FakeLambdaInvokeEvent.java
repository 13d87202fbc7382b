package io.github.cptestkit.wire;

import java.util.List;
import java.util.Objects;

/**
 * A Lambda invoke event ready to hand to a function under test, with the bytes of its input artifacts (for a mock
 * S3 to serve).
 *
 * <pre>{@code
 * FakeLambdaInvokeEvent fake = FakeJobs.lambdaInvokeEvent().functionName("release-notes").build();
 * s3.put(fake.artifacts());
 * handler.handleRequest(WireFormat.toJson(fake.event()));
 * assertThat(mock.resultOf(fake.jobId())).isSuccess();
 * }</pre>
 *
 * @param event     the event, as the function receives it
 * @param artifacts the objects behind the input artifacts
 */
public record FakeLambdaInvokeEvent(LambdaInvokeEvent event, List<ArtifactObject> artifacts) {

    /**
     * Checks the event is given and copies the artifacts.
     *
     * @param event     the event, not null
     * @param artifacts the objects behind the input artifacts, copied; {@code null} for none
     * @throws NullPointerException if {@code event} is null
     */
    public FakeLambdaInvokeEvent {
        Objects.requireNonNull(event, "event");
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
    }

    /**
     * The job id.
     *
     * @return the id the function reports its result for with PutJobSuccessResult or PutJobFailureResult
     */
    public String jobId() {
        return event.job().id();
    }

    /**
     * Leaves the credentials out.
     *
     * @return the job id and the number of artifacts
     */
    @Override
    public String toString() {
        return "FakeLambdaInvokeEvent[jobId=" + jobId() + ", artifacts=" + artifacts.size() + "]";
    }
}
