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

    /**
     * Checks client id, token and details are given and copies the artifacts.
     *
     * @param clientId    the client id, not null
     * @param clientToken the client token, not null
     * @param details     the job's details, not null
     * @param artifacts   the objects behind the input artifacts, copied; {@code null} for none
     * @throws NullPointerException if {@code clientId}, {@code clientToken} or {@code details} is null
     */
    public FakeThirdPartyJob {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientToken, "clientToken");
        Objects.requireNonNull(details, "details");
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
    }

    /**
     * The job id.
     *
     * @return the id the worker acknowledges and reports its result for
     */
    public String jobId() {
        return details.id();
    }

    /**
     * The action type the job belongs to.
     *
     * @return the type a worker polls with to get this job
     */
    public ActionTypeId actionTypeId() {
        return details.data().actionTypeId();
    }

    /**
     * This job as PollForThirdPartyJobs lists it: {@code {"clientId": ..., "jobId": ...}}.
     *
     * @return a new value on every call, equal each time
     */
    public ThirdPartyJob pollEntry() {
        return new ThirdPartyJob(clientId, details.id());
    }

    /**
     * Hides the client token.
     *
     * @return the job id, client id, action type and the number of artifacts; never the token or a credential
     */
    @Override
    public String toString() {
        return "FakeThirdPartyJob[jobId=" + details.id() + ", clientId=" + clientId + ", actionTypeId="
                + details.data().actionTypeId() + ", artifacts=" + artifacts.size() + "]";
    }
}
