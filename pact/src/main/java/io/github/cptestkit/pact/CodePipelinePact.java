package io.github.cptestkit.pact;

import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.core.model.RequestResponsePact;
import io.github.cptestkit.fixtures.FakeJobs;
import io.github.cptestkit.pact.internal.PactSettings;
import io.github.cptestkit.schemas.Operation;
import java.util.Objects;

/**
 * Pact interactions for the ten CodePipeline job operations, for a worker's consumer tests: each one has the right
 * method, path, {@code X-Amz-Target}, content type and body, with matchers taken from the schemas (patterns,
 * enums, lengths, types). Loading this class also sets the Pact JVM properties CodePipeline needs (JSON bodies for
 * {@code application/x-amz-json-1.1}, no usage metrics), so pact files hold JSON.
 *
 * <pre>{@code
 * @ExtendWith(PactConsumerTestExt.class)
 * @PactTestFor(providerName = CodePipelinePact.PROVIDER, pactVersion = PactSpecVersion.V3)
 * class MyWorkerPactTest {
 *     static final FakeThirdPartyJob JOB = FakeJobs.withSeed(7).thirdParty().provider("MyCi").build();
 *
 *     @Pact(consumer = "my-worker")
 *     RequestResponsePact oneJob(PactDslWithProvider builder) {
 *         return CodePipelinePact.pact(builder,
 *                 CodePipelinePact.pollForThirdPartyJobs().givenJob(JOB).maxBatchSize(1).willRespondWith(),
 *                 CodePipelinePact.getThirdPartyJobDetails().givenJob(JOB).willRespondWith(),
 *                 CodePipelinePact.acknowledgeThirdPartyJob().givenJob(JOB).willRespondWith(),
 *                 CodePipelinePact.putThirdPartyJobSuccessResult().givenJob(JOB).willRespondWith());
 *     }
 *
 *     @Test
 *     void runsOneJob(MockServer server) {
 *         new MyWorker(clientFor(server.getUrl()), JOB.clientId(), JOB.clientToken()).runOnce();
 *     }
 * }
 * }</pre>
 */
public final class CodePipelinePact {

    /** The provider name of every CodePipeline pact. */
    public static final String PROVIDER = "aws-codepipeline";
    /** The content type of CodePipeline requests and answers. */
    public static final String CONTENT_TYPE = PactSettings.AMZ_JSON;
    /** The seed of the fake jobs that give example values to members a test leaves unset. */
    public static final long EXAMPLE_SEED = FakeJobs.DEFAULT_SEED;

    static {
        PactSettings.apply();
    }

    private CodePipelinePact() {}

    /**
     * Sets the Pact JVM properties CodePipeline pacts need (already done when this class loads); call it first in
     * a test that builds CodePipeline pacts without this DSL.
     */
    public static void configurePact() {
        PactSettings.apply();
    }

    /**
     * An interaction of any of the ten job operations ({@link Operation#jobOperations()}); a control-plane operation
     * (CreatePipeline, ListActionTypes, ...) is refused: the DSL describes what a job worker calls.
     *
     * @param operation a job operation, e.g. {@code Operation.POLL_FOR_JOBS}; not null
     * @return a new request, with no provider state and no member set
     * @throws IllegalArgumentException if {@code operation} is a control-plane operation
     */
    public static CodePipelineRequest request(Operation operation) {
        Objects.requireNonNull(operation, "operation");
        if (!operation.family().jobs()) {
            throw new IllegalArgumentException("operation " + operation.operationName() + " is a control-plane"
                    + " operation (" + operation.family() + "); CodePipelinePact describes the ten job operations "
                    + Operation.jobOperations().stream().map(Operation::operationName).toList());
        }
        return new CodePipelineRequest(operation);
    }

    /**
     * PollForThirdPartyJobs: {@code actionTypeId} (from the given job) and optional {@code maxBatchSize}.
     *
     * @return a new request of that operation
     */
    public static CodePipelineRequest pollForThirdPartyJobs() {
        return request(Operation.POLL_FOR_THIRD_PARTY_JOBS);
    }

    /**
     * GetThirdPartyJobDetails: {@code jobId} and {@code clientToken}.
     *
     * @return a new request of that operation
     */
    public static CodePipelineRequest getThirdPartyJobDetails() {
        return request(Operation.GET_THIRD_PARTY_JOB_DETAILS);
    }

    /**
     * AcknowledgeThirdPartyJob: {@code jobId}, {@code nonce} and {@code clientToken}.
     *
     * @return a new request of that operation
     */
    public static CodePipelineRequest acknowledgeThirdPartyJob() {
        return request(Operation.ACKNOWLEDGE_THIRD_PARTY_JOB);
    }

    /**
     * PutThirdPartyJobSuccessResult: {@code jobId}, {@code clientToken} and optional result members.
     *
     * @return a new request of that operation
     */
    public static CodePipelineRequest putThirdPartyJobSuccessResult() {
        return request(Operation.PUT_THIRD_PARTY_JOB_SUCCESS_RESULT);
    }

    /**
     * PutThirdPartyJobFailureResult: {@code jobId}, {@code clientToken} and {@code failureDetails}.
     *
     * @return a new request of that operation
     */
    public static CodePipelineRequest putThirdPartyJobFailureResult() {
        return request(Operation.PUT_THIRD_PARTY_JOB_FAILURE_RESULT);
    }

    /**
     * PollForJobs: {@code actionTypeId}, optional {@code maxBatchSize} and {@code queryParam}.
     *
     * @return a new request of that operation
     */
    public static CodePipelineRequest pollForJobs() {
        return request(Operation.POLL_FOR_JOBS);
    }

    /**
     * GetJobDetails: {@code jobId}.
     *
     * @return a new request of that operation
     */
    public static CodePipelineRequest getJobDetails() {
        return request(Operation.GET_JOB_DETAILS);
    }

    /**
     * AcknowledgeJob: {@code jobId} and {@code nonce}.
     *
     * @return a new request of that operation
     */
    public static CodePipelineRequest acknowledgeJob() {
        return request(Operation.ACKNOWLEDGE_JOB);
    }

    /**
     * PutJobSuccessResult: {@code jobId} and optional result members (output variables included).
     *
     * @return a new request of that operation
     */
    public static CodePipelineRequest putJobSuccessResult() {
        return request(Operation.PUT_JOB_SUCCESS_RESULT);
    }

    /**
     * PutJobFailureResult: {@code jobId} and {@code failureDetails}.
     *
     * @return a new request of that operation
     */
    public static CodePipelineRequest putJobFailureResult() {
        return request(Operation.PUT_JOB_FAILURE_RESULT);
    }

    /**
     * The pact of {@code interactions}, in order, for the builder a {@code @Pact} method receives.
     *
     * @param builder the builder a {@code @Pact} method receives
     * @param first the interaction the worker makes first
     * @param more the ones it makes after, in order
     * @return the pact, for the {@code @Pact} method to return
     */
    public static RequestResponsePact pact(PactDslWithProvider builder, CodePipelineInteraction first,
            CodePipelineInteraction... more) {
        PactDslResponse response = first.addTo(builder);
        for (CodePipelineInteraction interaction : more) {
            response = interaction.addTo(response);
        }
        return response.toPact();
    }
}
