package io.github.cptestkit.wire;

import java.util.List;
import java.util.Objects;

/**
 * A third-party (partner action) job ready to queue in a mock: the details GetThirdPartyJobDetails returns, the
 * clientId/clientToken pair the worker must present, and the bytes of its input artifacts.
 *
 * <pre>{@code
 * FakeThirdPartyJob job = FakeJobs.thirdParty().category(ActionCategory.BUILD).provider("MyCi").build();
 * mock.enqueue(job);
 * worker.runOnce(job.clientId(), job.clientToken());
 * }</pre>
 *
 * @param clientId    the id PollForThirdPartyJobs returns with the job (a lowercase UUID)
 * @param clientToken the secret the worker keeps for that clientId and sends on every call
 * @param details     what GetThirdPartyJobDetails returns
 * @param artifacts   the objects behind the input artifacts
 */
public record FakeThirdPartyJob(String clientId, String clientToken, ThirdPartyJobDetails details,
        List<ArtifactObject> artifacts) {

    public FakeThirdPartyJob {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientToken, "clientToken");
        Objects.requireNonNull(details, "details");
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
    }

    /** The job id. */
    public String jobId() {
        return details.id();
    }

    /** The action type the job belongs to. */
    public ActionTypeId actionTypeId() {
        return details.data().actionTypeId();
    }

    /** This job as PollForThirdPartyJobs lists it: {@code {"clientId": ..., "jobId": ...}}. */
    public ThirdPartyJob pollEntry() {
        return new ThirdPartyJob(clientId, details.id());
    }

    /** Hides the client token. */
    @Override
    public String toString() {
        return "FakeThirdPartyJob[jobId=" + details.id() + ", clientId=" + clientId + ", actionTypeId="
                + details.data().actionTypeId() + ", artifacts=" + artifacts.size() + "]";
    }
}
